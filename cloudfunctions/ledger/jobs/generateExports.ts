/**
 * Timer job (every minute): writes the queued exports through the kernel's background file jobs
 * (core/jobs/fileJobs.ts: claim, lease, retries, upload). The file goes to storage under exports/<id>.xlsx.
 */
import { runFileJobs, type FileJobTally } from '../../core/jobs/fileJobs';
import { formatShanghai } from '../../core/time/workingTime';
import { cloudPathOf, dayRange, type ExportDoc } from '../domain/model';
import { writeLedger } from '../domain/workbook';
import { withSpec } from '../kinds';
import { exportsRepo } from '../repos/exports';
import { sourcePages } from '../repos/source';

/** The tally, and the most the heap grew during the run (MB): what a large file costs in memory. */
export type GenerateResult = FileJobTally & { peakHeapDeltaMb: number };

/** The heap's high-water mark over the run, sampled after every page written. */
function heapWatch() {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  return {
    sample: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
    deltaMb: () => Math.round(((peak - base) / 1048576) * 10) / 10,
  };
}

export async function generateExports(now: Date): Promise<GenerateResult> {
  const heap = heapWatch();
  const tally = await runFileJobs<ExportDoc>(
    {
      name: 'generateExports',
      repo: exportsRepo,
      cloudPath: (doc) => cloudPathOf(doc._id),
      write: (doc, file, startedAt, report) =>
        withSpec(doc.kind, doc.filters, (spec, filters) => {
          const source = spec.source({ _id: doc.unitId, level: doc.unitLevel }, filters, dayRange(doc.from, doc.to), startedAt);
          const header = {
            unitName: doc.unitName,
            range: `${doc.from} 至 ${doc.to}`,
            filterText: doc.filterText,
            requester: doc.requester.name,
            generatedAt: formatShanghai(startedAt, 'YYYY-MM-DD HH:mm'),
          };
          return writeLedger(file, spec, sourcePages(source), header, startedAt, async (n) => {
            heap.sample();
            await report(n);
          });
        }),
    },
    now,
  );
  return { ...tally, peakHeapDeltaMb: heap.deltaMb() };
}
