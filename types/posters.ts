/**
 * 一码通海报 (posters): staff ask for the print-ready PDF of every building door code of a grid,
 * community or street; a timer job draws it in the background and the requester downloads it.
 * The contract between the app and `posters`.
 */
import { z } from 'zod';
import { action } from './contract';
import { ORG_STAFF_ROLES } from './org.constants';
import { pageInput, type Page } from './paging';
import { POSTER_LAYOUTS, type PosterBatchView } from './posters.constants';

export * from './posters.constants';

export const RequestPostersInput = z.object({
  /** A uuid the app makes once per form: a retry returns the same batch. */
  requestId: z.uuid({ message: '缺少请求编号' }),
  /** The street, community or grid whose buildings get posters. */
  unitId: z.string({ error: '请选择街道、社区或网格' }).trim().min(1, { message: '请选择街道、社区或网格' }).max(64),
  layout: z.enum(POSTER_LAYOUTS, { error: '请选择版式' }),
});
export type RequestPostersInput = z.output<typeof RequestPostersInput>;

export const PosterBatchId = z.string({ error: '缺少海报编号' }).trim().min(1, { message: '缺少海报编号' }).max(64);

export const postersContract = {
  request: action<PosterBatchView>()({ input: RequestPostersInput, roles: ORG_STAFF_ROLES, limit: 'posterBatch' }),
  /** The caller's own batches, newest first. */
  list: action<Page<PosterBatchView>>()({ input: z.object({ ...pageInput(20, 10) }), roles: ORG_STAFF_ROLES }),
  /** A signed URL of a finished PDF, for its requester only. */
  download: action<{ url: string; fileName: string; expiresAt: string }>()({ input: z.object({ id: PosterBatchId }), roles: ORG_STAFF_ROLES }),
};
