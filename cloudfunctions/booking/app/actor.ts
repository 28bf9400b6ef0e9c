/** The caller as the booking rules see them: identity, current roles, and the communities they work for. */
import { isOrgStaff } from '../../core/auth/jurisdiction';
import type { Caller } from '../../core/auth/caller';
import { orgRepo } from '../../core/repos/org';
import type { Person } from '../domain/model';
import type { StaffActor } from '../domain/policy';

/** Community staff work the desk and the settings of their communities; grid workers the desk of their grids' communities. */
export async function actorOf(caller: Caller): Promise<StaffActor> {
  const base = {
    openid: caller.openid,
    name: caller.user?.name ?? '居民',
    roles: caller.roles,
    jurisdiction: caller.jurisdiction,
    propertyCompanyId: caller.propertyCompanyId,
  };
  const j = caller.jurisdiction;
  if (!j || !isOrgStaff(caller)) return { ...base, desk: [], admin: [] };
  if (j.level === 'community' && caller.roles.includes('community_staff')) return { ...base, desk: j.unitIds, admin: j.unitIds };
  if (j.level === 'grid' && caller.roles.includes('grid_worker')) {
    const grids = await orgRepo.units(j.unitIds);
    return { ...base, desk: [...new Set(grids.map((g) => g.parentId).filter((id): id is string => !!id))], admin: [] };
  }
  return { ...base, desk: [], admin: [] };
}

export const personOf = (actor: { openid: string; name: string }): Person => ({ openid: actor.openid, name: actor.name });
