/** Community staff: the community's 报到单位 (teams, members, this year's projects) and its teams. */
import type { volunteerContract } from '../../../types/volunteer';
import type { TeamAdminRow } from '../../../types/volunteerUnits.constants';
import type { Handler } from '../../core/router';
import type { TeamDoc } from '../domain/model';
import { monthOf } from '../domain/units';
import { teamsRepo } from '../repos/teams';
import { unitsRepo } from '../repos/units';
import { staffCommunity } from '../app/access';
import { unitViews } from '../app/units';

export const teamAdminRow = (t: TeamDoc): TeamAdminRow => ({
  id: t._id,
  name: t.name,
  intro: t.intro,
  joinPolicy: t.joinPolicy,
  leader: t.leader,
  unit: t.unit ?? null,
});

export const units: Handler<typeof volunteerContract.units> = async (input, { caller, now }) => {
  const community = await staffCommunity(caller, input.communityId);
  const { year } = monthOf(now);
  const [list, teams] = await Promise.all([unitsRepo.within(community._id), teamsRepo.ofCommunity(community._id)]);
  return {
    community: { id: community._id, name: community.name },
    year,
    units: await unitViews(list, teams, year),
    teams: teams.map(teamAdminRow),
  };
};
