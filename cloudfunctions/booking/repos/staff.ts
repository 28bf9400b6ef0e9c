/** Who works for a community: the people its notices go to and who may take a duty. */
import type { Role } from '../../../types/contract';
import { orgRepo } from '../../core/repos/org';
import { usersRepo } from '../../core/repos/users';
import type { Person } from '../domain/model';

export type DutyPerson = Person & { role: Role };

export const staffRepo = {
  /** Current community staff of the community. */
  admins: (communityId: string): Promise<Person[]> => usersRepo.staffCovering(communityId, 'community_staff'),

  /** The street's commanders. */
  street: (streetId: string): Promise<Person[]> => usersRepo.staffCovering(streetId, 'street_commander'),

  /** Who may be put on duty: the community's staff and the grid workers of its grids. */
  async dutyStaff(communityId: string): Promise<DutyPerson[]> {
    const grids = (await orgRepo.children(communityId)).filter((u) => u.level === 'grid');
    const [admins, ...workers] = await Promise.all([
      usersRepo.staffCovering(communityId, 'community_staff'),
      ...grids.map((g) => usersRepo.staffCovering(g._id, 'grid_worker')),
    ]);
    const out: DutyPerson[] = admins.map((p) => ({ ...p, role: 'community_staff' }));
    for (const p of workers.flat()) if (!out.some((o) => o.openid === p.openid)) out.push({ ...p, role: 'grid_worker' });
    return out;
  },
};
