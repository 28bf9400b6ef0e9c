/**
 * 议事: residents of the matter's community (verified or not: they may read and comment) and its staff
 * comment, or reply to a comment. Idempotent per (openid, requestId); held for review when screening says so.
 */
import { createHash } from 'node:crypto';
import type { councilContract } from '../../../types/council';
import type { CommentView } from '../../../types/council.constants';
import { forbidden, invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { manages } from '../app/actor';
import { loadMatter } from '../app/load';
import { residenceOf } from '../app/residence';
import type { CommentDoc } from '../domain/model';
import { commentsRepo } from '../repos/comments';

export const commentView = (c: CommentDoc, openid: string): CommentView => ({
  id: c._id,
  text: c.text,
  author: c.author,
  byStaff: c.byStaff,
  replyTo: c.replyTo,
  createdAt: new Date(c.createdAt).toISOString(),
  mine: c.authorOpenid === openid,
  held: c.held,
});

export const comment: Handler<typeof councilContract.comment> = async (input, { caller, now, screening }) => {
  const m = await loadMatter(input.id, caller);
  const staff = manages(caller, m);
  const building = caller.householdBuildingId ? await orgRepo.building(caller.householdBuildingId) : null;
  if (!staff && building?.communityId !== m.communityId) throw forbidden('本社区居民绑定住址后才能参与讨论');
  if (m.stage === 'review' || m.stage === 'declined') throw forbidden('该议题不在讨论中');
  if (input.replyTo) {
    const parent = await commentsRepo.get(input.replyTo);
    if (!parent || parent.matterId !== m._id) throw invalid('replyTo', '回复的评论不存在');
  }
  const residence = staff ? null : await residenceOf(caller.openid);
  const id = `cm${createHash('sha256').update(`comment:${caller.openid}:${input.requestId.toLowerCase()}`).digest('hex').slice(0, 24)}`;
  const stored = await commentsRepo.insert({
    _id: id,
    matterId: m._id,
    text: input.text,
    author: staff ? `${m.communityName}工作人员` : `${building?.name ?? residence?.household.buildingName ?? ''}居民`,
    authorOpenid: caller.openid,
    byStaff: staff,
    replyTo: input.replyTo ?? null,
    held: screening === 'review',
    createdAt: now,
  });
  return commentView(stored, caller.openid);
};
