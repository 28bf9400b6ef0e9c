/**
 * 一码通海报 (posters): staff ask for the print-ready PDF of every building door code of a grid,
 * community or street; a timer job draws it in the background and the requester downloads it.
 * The contract between the app and `posters`.
 */
import { z } from 'zod';
import { action } from './contract';
import { ORG_STAFF_ROLES, type OrgLevel } from './org.constants';
import { pageInput, type Page } from './paging';

/** a4: one poster per A4 page; a5x2: two A5 posters side by side on an A4 page (cut in half). */
export const POSTER_LAYOUTS = ['a4', 'a5x2'] as const;
export type PosterLayout = (typeof POSTER_LAYOUTS)[number];
export const POSTER_LAYOUT_LABELS: Record<PosterLayout, string> = { a4: 'A4 每栋一张', a5x2: 'A5 两栋拼一张 A4' };

/** A batch covers one of these: a district's ~40,000 buildings would be one unprintable file. */
export const POSTER_SCOPE_LEVELS = ['street', 'community', 'grid'] as const satisfies readonly OrgLevel[];

export const POSTER_BATCH_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PosterBatchStatus = (typeof POSTER_BATCH_STATUSES)[number];
export const POSTER_STATUS_LABELS: Record<PosterBatchStatus, string> = { queued: '排队中', running: '生成中', done: '已完成', failed: '失败' };

export const RequestPostersInput = z.object({
  /** A uuid the app makes once per form: a retry returns the same batch. */
  requestId: z.uuid({ message: '缺少请求编号' }),
  /** The street, community or grid whose buildings get posters. */
  unitId: z.string({ error: '请选择街道、社区或网格' }).trim().min(1, { message: '请选择街道、社区或网格' }).max(64),
  layout: z.enum(POSTER_LAYOUTS, { error: '请选择版式' }),
});
export type RequestPostersInput = z.output<typeof RequestPostersInput>;

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

export const PosterBatchId = z.string({ error: '缺少海报编号' }).trim().min(1, { message: '缺少海报编号' }).max(64);

export const postersContract = {
  request: action<PosterBatchView>()({ input: RequestPostersInput, roles: ORG_STAFF_ROLES, limit: 'posterBatch' }),
  /** The caller's own batches, newest first. */
  list: action<Page<PosterBatchView>>()({ input: z.object({ ...pageInput(20, 10) }), roles: ORG_STAFF_ROLES }),
  /** A signed URL of a finished PDF, for its requester only. */
  download: action<{ url: string; fileName: string; expiresAt: string }>()({ input: z.object({ id: PosterBatchId }), roles: ORG_STAFF_ROLES }),
};
