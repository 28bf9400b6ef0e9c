/** Who may manage a matter: current org staff covering its community (or, for a building's matter, its grid). */
import { coversUnitPath, isOrgStaff } from '../../core/auth/jurisdiction';
import type { Caller } from '../../core/auth/caller';
import { forbidden } from '../../core/errors';
import type { MatterDoc, Person } from '../domain/model';

export function manages(caller: Caller, m: Pick<MatterDoc, 'districtId' | 'streetId' | 'communityId' | 'gridId'>): boolean {
  return isOrgStaff(caller) && coversUnitPath(caller, [m.districtId, m.streetId, m.communityId, ...(m.gridId ? [m.gridId] : [])]);
}

export function assertManages(caller: Caller, m: MatterDoc): void {
  if (!manages(caller, m)) throw forbidden('该议题不在您的辖区内');
}

export const personOf = (caller: Caller): Person => ({ openid: caller.openid, name: caller.user?.name ?? '微信用户' });
