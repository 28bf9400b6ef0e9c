import type { Role } from '../../../types/contract';
import type { Jurisdiction, UserDoc } from '../../../types/users';
import { usersRepo } from '../repos/users';
import type { Subject } from './jurisdiction';

export interface Caller extends Subject {
  /** Null for a WeChat user who has never been seen before: a resident by default. */
  user: UserDoc | null;
  roles: Role[];
  jurisdiction: Jurisdiction | null;
  /** The building of the caller's bound household, if any: where they count as a neighbour. */
  householdBuildingId: string | null;
}

export async function loadCaller(openid: string): Promise<Caller> {
  const user = await usersRepo.get(openid);
  return {
    openid,
    user,
    roles: user?.roles.length ? user.roles : ['resident'],
    jurisdiction: user?.jurisdiction ?? null,
    propertyCompanyId: user?.propertyCompanyId ?? null,
    householdBuildingId: user?.household?.buildingId ?? null,
  };
}
