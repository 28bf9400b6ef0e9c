/**
 * Timer job (every minute): writes the queued exports. Each is claimed with one conditional write, so
 * two runs never write the same file; a run that dies leaves its lease to expire, and the next run
 * tries again (at most MAX_ATTEMPTS times). The file goes to storage under exports/<id>.xlsx.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { drain, type Tally } from '../../core/jobs/drain';
import { cloud } from '../../core/platform/cloud';
import { formatShanghai } from '../../core/time/workingTime';
import { cloudPathOf, dayRange, MAX_ATTEMPTS, type ExportDoc } from '../domain/model';
import { writeLedger } from '../domain/workbook';
import { withSpec } from '../kinds';
import { exportsRepo } from '../repos/exports';
import { sourcePages } from '../repos/source';

/** The tally, and the most the heap grew during the run (MB): what a large file costs in memory. */
export type GenerateResult = Tally<'done' | 'failed' | 'retried' | 'skipped'> & { peakHeapDeltaMb: number };

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
const heap = { current: null as ReturnType<typeof heapWatch> | null };

/** Progress is written after a page only this often, to keep the writes few on large files. */
const PROGRESS_EVERY_MS = 3_000;

/** Writes one claimed export's file and uploads it; returns the rows and the fileID. */
export async function generate(doc: ExportDoc, startedAt: Date): Promise<{ rows: number; fileId: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-'));
  const file = path.join(dir, `${doc._id}.xlsx`);
  try {
    const rows = await withSpec(doc.kind, doc.filters, async (spec, filters) => {
      const source = spec.source({ _id: doc.unitId, level: doc.unitLevel }, filters, dayRange(doc.from, doc.to), startedAt);
      let reported = Date.now();
      return writeLedger(
        file,
        spec,
        sourcePages(source),
        {
          unitName: doc.unitName,
          range: `${doc.from} 至 ${doc.to}`,
          filterText: doc.filterText,
          requester: doc.requester.name,
          generatedAt: formatShanghai(startedAt, 'YYYY-MM-DD HH:mm'),
        },
        startedAt,
        async (n) => {
          heap.current?.sample();
          if (Date.now() - reported < PROGRESS_EVERY_MS) return;
          reported = Date.now();
          await exportsRepo.progress(doc._id, startedAt, n);
        },
      );
    });
    const { fileID } = await cloud().uploadFile({ cloudPath: cloudPathOf(doc._id), fileContent: createReadStream(file) });
    return { rows, fileId: fileID };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function generateExports(now: Date): Promise<GenerateResult> {
  heap.current = heapWatch();
  const tally = await drain<ExportDoc, 'done' | 'failed' | 'retried' | 'skipped'>({
    name: 'generateExports',
    batch: 5,
    // Starts no new file after this; one already begun runs to its end (the function's timeout is longer).
    budgetMs: 5 * 60_000,
    next: (after, limit) => exportsRepo.due(now, after, limit),
    each: async (doc) => {
      const startedAt = new Date();
      if (!(await exportsRepo.claim(doc, startedAt))) return 'skipped';
      const attempt = doc.attempts + 1;
      if (attempt > MAX_ATTEMPTS) {
        // earlier runs died on it (out of time or memory): stop trying
        await exportsRepo.finish(doc._id, startedAt, { status: 'failed', rows: 0, fileId: null, error: '生成超时，请缩小日期范围后重试' }, new Date());
        return 'failed';
      }
      try {
        const { rows, fileId } = await generate(doc, startedAt);
        await exportsRepo.finish(doc._id, startedAt, { status: 'done', rows, fileId, error: null }, new Date());
        return 'done';
      } catch (error) {
        console.error(JSON.stringify({ level: 'error', msg: 'export failed', id: doc._id, attempt, error: String((error as Error)?.stack ?? error) }));
        const reason = error instanceof AppError ? error.message : '生成失败，请稍后重试';
        if (attempt < MAX_ATTEMPTS && !(error instanceof AppError)) {
          await exportsRepo.requeue(doc._id, startedAt, reason, new Date());
          return 'retried';
        }
        await exportsRepo.finish(doc._id, startedAt, { status: 'failed', rows: 0, fileId: null, error: reason }, new Date());
        return 'failed';
      }
    },
    outcomes: ['done', 'failed', 'retried', 'skipped'],
    label: (doc) => doc._id,
  });
  const peakHeapDeltaMb = heap.current.deltaMb();
  heap.current = null;
  return { ...tally, peakHeapDeltaMb };
}
