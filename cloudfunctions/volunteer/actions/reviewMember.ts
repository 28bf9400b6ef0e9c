/** The leader or community staff approve or refuse a pending membership (once: a conditional write). */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict, notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { memberId } from '../domain/model';
import { memberView } from '../domain/views';
import { teamsRepo } from '../repos/teams';
import { managedTeam, personOf } from '../app/access';

export const reviewMember: Handler<typeof volunteerContract.reviewMember> = async (input, { caller }) => {
  const { team } = await managedTeam(caller, input.teamId);
  const id = memberId(team._id, input.openid);
  const moved = await teamsRepo.moveMember(id, 'pending', { status: input.approve ? 'active' : 'rejected', reviewedBy: personOf(caller) });
  const after = await teamsRepo.member(team._id, input.openid);
  if (!after) throw notFound('找不到该入队申请');
  if (!moved) throw conflict(`该申请已处理（${after.status === 'active' ? '已加入' : '未通过'}）`);
  return memberView(after);
};
