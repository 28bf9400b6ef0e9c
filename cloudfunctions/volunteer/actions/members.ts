/** A team's members for its leader or community staff: pending first, then by when they joined. */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { memberView } from '../domain/views';
import { teamsRepo } from '../repos/teams';
import { managedTeam } from '../app/access';

const ORDER = { pending: 0, active: 1, rejected: 2 } as const;

export const members: Handler<typeof volunteerContract.members> = async (input, { caller }) => {
  const { team } = await managedTeam(caller, input.teamId);
  const list = await teamsRepo.membersOf(team._id);
  return list.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.at.getTime() - b.at.getTime()).map(memberView);
};
