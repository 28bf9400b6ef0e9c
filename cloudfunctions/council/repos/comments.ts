/** `councilComments`: 议事 comments, `_id` from author and request id (a retry is the same comment). */
import type { Page, PageRequest } from '../../../types/paging';
import { isDuplicate } from '../../core/db/errors';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';
import type { CommentDoc } from '../domain/model';

const comments = () => database().collection('councilComments');

export const commentsRepo = {
  async get(id: string): Promise<CommentDoc | null> {
    const { data } = await comments().where({ _id: id }).limit(1).get();
    return (data[0] as CommentDoc | undefined) ?? null;
  },

  /** Inserts; the stored one when a retry finds it there. */
  async insert(doc: CommentDoc): Promise<CommentDoc> {
    try {
      await comments().add(doc);
      return doc;
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      return (await this.get(doc._id)) ?? doc;
    }
  },

  /** A matter's comments, oldest first: the shown ones, and the caller's own held ones (all held ones for staff). */
  list(matterId: string, viewer: { openid: string; staff: boolean }, page: PageRequest): Promise<Page<CommentDoc>> {
    const _ = database().command;
    const where = viewer.staff ? { matterId } : _.and([{ matterId }, _.or([{ held: false }, { authorOpenid: viewer.openid }])]);
    return listPage<CommentDoc>('councilComments', { where: where as Record<string, unknown>, orderBy: 'createdAt', direction: 'asc' }, page);
  },
};
