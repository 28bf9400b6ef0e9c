import type { Role } from '../../../types/contract';
import type { Jurisdiction, UserDoc } from '../../../types/users';
import { usersRepo } from '../repos/users';

export interface Caller {
  openid: string;
  /** Null for a WeChat user who has never been seen before: a resident by default. */
  user: UserDoc | null;
  roles: Role[];
  jurisdiction: Jurisdiction | null;
  propertyCompanyId: string | null;
}

export async function loadCaller(openid: string): Promise<Caller> {
  const user = await usersRepo.get(openid);
  return {
    openid,
    user,
    roles: user?.roles.length ? user.roles : ['resident'],
    jurisdiction: user?.jurisdiction ?? null,
    propertyCompanyId: user?.propertyCompanyId ?? null,
  };
}

/** Whether a unit (given by its path from the district down) lies inside the caller's jurisdiction. */
export function coversUnitPath(caller: Pick<Caller, 'jurisdiction'>, unitPath: readonly string[]): boolean {
  const units = caller.jurisdiction?.unitIds ?? [];
  return units.some((id) => unitPath.includes(id));
}
