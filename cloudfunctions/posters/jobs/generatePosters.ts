/**
 * Timer job (every minute): draws the queued poster batches through the kernel's background file jobs
 * (core/jobs/fileJobs.ts: claim, lease, retries, upload, progress). Each building's code comes from the
 * open API (wxacode.getUnlimited in CloudBase, a QR of the H5 scan link locally).
 */
import { invalid } from '../../core/errors';
import { runFileJobs, type FileJobTally, type ReportProgress } from '../../core/jobs/fileJobs';
import { openApi, type WxOpenApi } from '../../core/openapi';
import { PAGES } from '../../../types/routes';
import { cloudPathOf, type PosterBatchDoc } from '../domain/model';
import { writePosterPdf, type PosterContent } from '../domain/pdf';
import { responsePromise } from '../domain/promise';
import { buildingPages, countBuildings, servingLookup } from '../repos/buildings';
import { batchesRepo } from '../repos/batches';

/** Pixels of a mini-program code: sharp at the printed 10 cm. */
const CODE_WIDTH = 860;

async function* postersOf(batch: PosterBatchDoc, api: WxOpenApi): AsyncGenerator<PosterContent> {
  const serving = servingLookup();
  for await (const page of buildingPages({ _id: batch.unitId, level: batch.unitLevel })) {
    for (const b of page) {
      const [image, s] = await Promise.all([api.unlimitedCode({ scene: b.code, page: PAGES.scan, width: CODE_WIDTH }), serving(b)]);
      yield { code: b.code, buildingName: [s.estateName, b.name].filter(Boolean).join(' '), address: b.address, communityName: s.communityName, gridName: s.gridName, workerName: s.workerName, workerPhone: s.workerPhone, image };
    }
  }
}

/** Draws one batch's PDF at `file`; returns the posters drawn. */
export async function drawBatch(batch: PosterBatchDoc, file: string, report: ReportProgress, api: WxOpenApi = openApi()): Promise<number> {
  const total = await countBuildings({ _id: batch.unitId, level: batch.unitLevel });
  if (total === 0) throw invalid('unitId', `${batch.unitName}还没有楼栋，请先导入组织架构`);
  await report(0, total);
  return writePosterPdf(file, batch.layout, postersOf(batch, api), { title: `一码通海报 ${batch.unitName}`, promise: responsePromise(), codeHint: '微信扫一扫，进入幸福家园' }, (n) => report(n, total));
}

export function generatePosters(now: Date): Promise<FileJobTally> {
  return runFileJobs<PosterBatchDoc>({ name: 'generatePosters', repo: batchesRepo, cloudPath: (doc) => cloudPathOf(doc._id), write: (doc, file, _startedAt, report) => drawBatch(doc, file, report) }, now);
}
