/** 议事: a matter's comments, oldest first (held ones only to their author and staff). */
import type { councilContract } from '../../../types/council';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { manages } from '../app/actor';
import { loadMatter } from '../app/load';
import { commentsRepo } from '../repos/comments';
import { commentView } from './comment';

export const comments: Handler<typeof councilContract.comments> = async ({ id, page, pageSize }, { caller }) => {
  const m = await loadMatter(id, caller);
  const list = await commentsRepo.list(m._id, { openid: caller.openid, staff: manages(caller, m) }, { page, pageSize });
  return mapPage(list, (c) => commentView(c, caller.openid));
};
