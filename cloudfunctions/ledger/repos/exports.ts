/**
 * The `exports` collection. A run claims an export with one conditional write (on its status and
 * `dueAt`), so two runs never generate the same file; progress and the outcome are writes on the claim.
 */
import { isDuplicate } from '../../core/db/errors';
import { dueBatch } from '../../core/db/keyset';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';
import type { Page, PageRequest } from '../../../types/paging';
import { LEASE_MS, type ExportDoc } from '../domain/model';

const exportsColl = () => database().collection('exports');

export const exportsRepo = {
  async get(id: string): Promise<ExportDoc | null> {
    const { data } = await exportsColl().where({ _id: id }).limit(1).get();
    return (data[0] as ExportDoc | undefined) ?? null;
  },

  /** Adds it, or returns the one already made for the same id (a retried request). */
  async create(doc: ExportDoc): Promise<ExportDoc> {
    try {
      await exportsColl().add(doc);
      return doc;
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      const found = await exportsRepo.get(doc._id);
      if (!found) throw error;
      return found;
    }
  },

  mine: (openid: string, page: PageRequest): Promise<Page<ExportDoc>> =>
    listPage<ExportDoc>('exports', { where: { 'requester.openid': openid }, orderBy: 'createdAt' }, page),

  due: (now: Date, after: ExportDoc | null, limit: number) => dueBatch<ExportDoc>('exports', 'dueAt', now, after, limit),

  /** Takes it for this run if nobody else did since it was read; false when another run has it. */
  async claim(doc: ExportDoc, now: Date): Promise<boolean> {
    const { updated } = await exportsColl()
      .where({ _id: doc._id, status: doc.status, dueAt: doc.dueAt })
      .update({ status: 'running', dueAt: new Date(now.getTime() + LEASE_MS), startedAt: now, attempts: doc.attempts + 1, rows: 0, total: null, error: null });
    return updated === 1;
  },

  /** Rows written so far, on the running claim. */
  async progress(id: string, startedAt: Date, rows: number): Promise<void> {
    await exportsColl().where({ _id: id, status: 'running', startedAt }).update({ rows });
  },

  async finish(id: string, startedAt: Date, outcome: Pick<ExportDoc, 'status' | 'rows' | 'fileId' | 'error'>, now: Date): Promise<boolean> {
    const { updated } = await exportsColl()
      .where({ _id: id, status: 'running', startedAt })
      .update({ ...outcome, total: outcome.status === 'done' ? outcome.rows : null, dueAt: null, finishedAt: now });
    return updated === 1;
  },

  /** Back to the queue after a failed run that may be tried again. */
  async requeue(id: string, startedAt: Date, error: string, now: Date): Promise<void> {
    await exportsColl().where({ _id: id, status: 'running', startedAt }).update({ status: 'queued', dueAt: now, error });
  },
};
