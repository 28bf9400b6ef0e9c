/** A poster batch as stored in `posterBatches`, and how the app sees it. Pure. */
import { POSTER_LAYOUT_LABELS, POSTER_STATUS_LABELS, type PosterBatchStatus, type PosterBatchView, type PosterLayout } from '../../../types/posters';
import type { OrgLevel } from '../../../types/org.constants';
import type { FileJobDoc } from '../../core/jobs/fileJobs';

/** A batch: a background file job (core/jobs/fileJobs.ts) with the unit and layout it draws. */
export interface PosterBatchDoc extends FileJobDoc {
  status: PosterBatchStatus;
  unitId: string;
  unitName: string;
  unitLevel: OrgLevel;
  layout: PosterLayout;
}

export const fileNameOf = (b: Pick<PosterBatchDoc, 'unitName' | 'layout'>): string =>
  `一码通海报_${b.unitName}_${b.layout === 'a4' ? 'A4' : 'A5拼版'}.pdf`.replace(/[\\/:*?"<>|\s]/g, '');

export const cloudPathOf = (id: string) => `posters/${id}.pdf`;

export function toView(b: PosterBatchDoc): PosterBatchView {
  return {
    id: b._id,
    unitName: b.unitName,
    unitLevel: b.unitLevel,
    layout: b.layout,
    layoutLabel: POSTER_LAYOUT_LABELS[b.layout],
    status: b.status,
    statusLabel: POSTER_STATUS_LABELS[b.status],
    done: b.rows,
    total: b.total,
    error: b.error,
    fileName: fileNameOf(b),
    createdAt: new Date(b.createdAt).toISOString(),
    finishedAt: b.finishedAt ? new Date(b.finishedAt).toISOString() : null,
  };
}
