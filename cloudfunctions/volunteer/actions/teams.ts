/** The teams of a community, with the caller's membership and member counts. */
import type { volunteerContract } from '../../../types/volunteer';
import { JOIN_POLICY_LABELS, type TeamView } from '../../../types/volunteer.constants';
import type { Caller } from '../../core/auth/caller';
import type { Handler } from '../../core/router';
import type { OrgUnit } from '../../../types/org';
import type { MemberDoc, TeamDoc } from '../domain/model';
import { teamsRepo } from '../repos/teams';
import { communityFor, managesTeam } from '../app/access';

export function teamView(caller: Caller, community: OrgUnit, team: TeamDoc, members: number, mine: MemberDoc | null): TeamView {
  return {
    id: team._id,
    name: team.name,
    intro: team.intro,
    joinPolicy: team.joinPolicy,
    joinPolicyLabel: JOIN_POLICY_LABELS[team.joinPolicy],
    leaderName: team.leader.name,
    members,
    myStatus: mine?.status ?? null,
    canManage: managesTeam(caller, team, community),
  };
}

export const teams: Handler<typeof volunteerContract.teams> = async (input, { caller }) => {
  const community = await communityFor(caller, input.communityId);
  const list = await teamsRepo.ofCommunity(community._id);
  const [counts, mine] = await Promise.all([teamsRepo.activeCounts(list.map((t) => t._id)), teamsRepo.membershipsOf(caller.openid)]);
  return {
    community: { id: community._id, name: community.name },
    teams: list.map((t) => teamView(caller, community, t, counts.get(t._id) ?? 0, mine.find((m) => m.teamId === t._id) ?? null)),
  };
};
