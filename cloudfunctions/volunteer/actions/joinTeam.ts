/** Joining a team: open teams admit at once, others wait for the leader (told through the outbox). */
import type { volunteerContract } from '../../../types/volunteer';
import { outboxRepo } from '../../core/outbox/repo';
import { newOutboxDoc } from '../../core/outbox/types';
import type { Handler } from '../../core/router';
import { memberId, type MemberDoc } from '../domain/model';
import { joinRequestNotice } from '../domain/notices';
import { teamsRepo } from '../repos/teams';
import { personOf, teamOf } from '../app/access';
import { teamView } from './teams';

export const joinTeam: Handler<typeof volunteerContract.joinTeam> = async (input, { caller, now }) => {
  const { team, community } = await teamOf(input.teamId);
  const me = personOf(caller);
  const id = memberId(team._id, me.openid);
  const status = team.joinPolicy === 'open' ? 'active' : 'pending';
  const doc: MemberDoc = { _id: id, teamId: team._id, communityId: team.communityId, openid: me.openid, name: me.name, status, at: now, reviewedBy: null };
  // One membership per person and team (its `_id`); one refused before may ask again.
  const inserted = (await teamsRepo.insertMember(doc)) || (await teamsRepo.moveMember(id, 'rejected', { status, at: now, reviewedBy: null }));
  if (inserted && status === 'pending') {
    const effect = joinRequestNotice(`${id}_${now.getTime()}`, team.leader.openid, me.name, team.name, now);
    await outboxRepo.insertAll([newOutboxDoc(effect.id, effect.message, now, { collection: 'volunteerMembers', id })]);
  }
  const [counts, mine] = await Promise.all([teamsRepo.activeCounts([team._id]), teamsRepo.member(team._id, me.openid)]);
  return teamView(caller, community, team, counts.get(team._id) ?? 0, mine);
};
