/** 项目化服务: a community's public board of a year's commitments, with each unit's count against the 5-project rule. */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { projectTally, monthOf } from '../domain/units';
import { teamsRepo } from '../repos/teams';
import { projectsRepo, unitsRepo } from '../repos/units';
import { communityFor, isStaffOf } from '../app/access';
import { projectViews } from '../app/units';

export const projects: Handler<typeof volunteerContract.projects> = async (input, { caller, now }) => {
  const community = await communityFor(caller, input.communityId);
  const year = input.year ?? monthOf(now).year;
  const [docs, units, led] = await Promise.all([projectsRepo.ofCommunityYear(community._id, year), unitsRepo.within(community._id), teamsRepo.ledBy(caller.openid)]);
  const staff = isStaffOf(caller, community.path);
  const myUnits = new Set(led.flatMap((t) => (t.unit ? [t.unit.id] : [])));
  // Counted from the board itself: the projects of this community and year each unit holds.
  const counts = new Map<string, number>();
  for (const p of docs) if (p.unit) counts.set(p.unit.id, (counts.get(p.unit.id) ?? 0) + 1);
  return {
    community: { id: community._id, name: community.name },
    year,
    projects: await projectViews(docs, (p) => staff || (p.unit !== null && myUnits.has(p.unit.id))),
    units: units.map((u) => ({ id: u._id, name: u.name, projects: projectTally(year, counts.get(u._id) ?? 0) })),
    canManage: staff,
  };
};
