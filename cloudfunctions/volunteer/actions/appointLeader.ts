/** Community staff appoint one of a team's active members as its leader; they manage the team's activities from then on. */
import type { volunteerContract } from '../../../types/volunteer';
import { forbidden, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { activitiesRepo } from '../repos/activities';
import { teamsRepo } from '../repos/teams';
import { isStaffOf, teamOf } from '../app/access';
import { teamAdminRow } from './units';

export const appointLeader: Handler<typeof volunteerContract.appointLeader> = async (input, { caller }) => {
  const { team, community } = await teamOf(input.teamId);
  if (!isStaffOf(caller, community.path)) throw forbidden('该社区不在您的辖区内');
  const member = await teamsRepo.member(team._id, input.openid);
  if (member?.status !== 'active') throw invalid('openid', '只能任命本队已加入的队员为队长');
  const leader = { openid: member.openid, name: member.name };
  await teamsRepo.update(team._id, { leader });
  await activitiesRepo.setLeader(team._id, leader.openid);
  return teamAdminRow({ ...team, leader });
};
