/**
 * 一码通海报 (posters): layouts, scopes, statuses, labels and the view type. Zod-free, so pages can
 * import them without bundling zod; `posters.ts` re-exports all of it.
 */
import type { OrgLevel } from './org.constants';

/** a4: one poster per A4 page; a5x2: two A5 posters side by side on an A4 page (cut in half). */
export const POSTER_LAYOUTS = ['a4', 'a5x2'] as const;
export type PosterLayout = (typeof POSTER_LAYOUTS)[number];
export const POSTER_LAYOUT_LABELS: Record<PosterLayout, string> = { a4: 'A4 每栋一张', a5x2: 'A5 两栋拼一张 A4' };

/** A batch covers one of these: a district's ~40,000 buildings would be one unprintable file. */
export const POSTER_SCOPE_LEVELS = ['street', 'community', 'grid'] as const satisfies readonly OrgLevel[];

export const POSTER_BATCH_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PosterBatchStatus = (typeof POSTER_BATCH_STATUSES)[number];
export const POSTER_STATUS_LABELS: Record<PosterBatchStatus, string> = { queued: '排队中', running: '生成中', done: '已完成', failed: '失败' };

export interface PosterBatchView {
  id: string;
  unitName: string;
  unitLevel: OrgLevel;
  layout: PosterLayout;
  layoutLabel: string;
  status: PosterBatchStatus;
  statusLabel: string;
  /** Posters drawn so far (while 生成中) or in the file. */
  done: number;
  /** Buildings in the batch, once the run has counted them. */
  total: number | null;
  error: string | null;
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
}
