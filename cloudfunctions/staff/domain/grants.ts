/**
 * Who may grant what, and who may be changed by whom: pure, over the kernel's jurisdiction rules.
 * An org admin grants a role of their own level or below, for a unit in their reach; property staff
 * grant property staff of their own company (the district may start a company's first). Changing or
 * revoking needs the person strictly below the caller.
 */
import { STAFF_ROLES, type Role } from '../../../types/contract';
import type { OrgLevel } from '../../../types/org.constants';
import type { GrantableRole } from '../../../types/staff.constants';
import { LEVEL, coversUnitPath, hasAnyRole, isOrgStaff, isPropertyStaffOf, outranks, type Subject } from '../../core/auth/jurisdiction';

/** The org level a role works at; null for property staff. */
export function levelOfRole(role: GrantableRole): OrgLevel | null {
  const found = (Object.keys(LEVEL) as OrgLevel[]).find((level) => LEVEL[level].role === role);
  return found ?? null;
}

/** A unit as the rules need it: its level and its path from the district down (itself included). */
export interface UnitRef {
  id: string;
  level: OrgLevel;
  path: readonly string[];
}

export type GrantRequest = { role: GrantableRole; unit: UnitRef | null; propertyCompanyId: string | null };

/** Why the caller may not grant this, in words; null when they may. */
export function grantRefusal(caller: Subject, grant: GrantRequest): string | null {
  const level = levelOfRole(grant.role);
  if (level === null) {
    if (!grant.propertyCompanyId) return '请选择物业公司';
    if (isPropertyStaffOf(caller, grant.propertyCompanyId)) return null;
    if (hasAnyRole(caller, ['district_commander']) && isOrgStaff(caller)) return null;
    return '只能邀请本公司的物业人员';
  }
  if (!isOrgStaff(caller) || !caller.jurisdiction) return '只能邀请本公司的物业人员';
  if (LEVEL[level].rank < LEVEL[caller.jurisdiction.level].rank) return '只能邀请本级或下级的工作人员';
  if (!grant.unit) return '请选择单位';
  if (grant.unit.level !== level) return '所选单位与角色的层级不符';
  if (!coversUnitPath(caller, grant.unit.path)) return '该单位不在您的辖区内';
  return null;
}

/** A staff member as the rules need them: their grant, where it sits, and who granted it. */
export interface StaffTarget {
  openid: string;
  roles: readonly Role[];
  level: OrgLevel | null;
  /** The paths of the units they cover. */
  unitPaths: ReadonlyArray<readonly string[]>;
  propertyCompanyId: string | null;
  grantedBy: string | null;
}

/** Why the caller may not change or revoke the target, in words; null when they may. */
export function manageRefusal(caller: Subject, target: StaffTarget): string | null {
  if (caller.openid === target.openid) return '不能调整自己的权限';
  if (!hasAnyRole(target, STAFF_ROLES)) return '该用户不是工作人员';
  if (target.roles.includes('property_staff') && !isOrgStaff(target)) {
    if (hasAnyRole(caller, ['district_commander']) && isOrgStaff(caller)) return null;
    if (isPropertyStaffOf(caller, target.propertyCompanyId) && target.grantedBy === caller.openid) return null;
    return '只能调整您邀请的本公司物业人员';
  }
  if (!target.level || !outranks(caller, target.level)) return '只能调整下级工作人员';
  if (target.unitPaths.length === 0 || !target.unitPaths.every((path) => coversUnitPath(caller, path))) return '该人员不在您的辖区内';
  return null;
}

/** The roles after a grant: the person's non-staff roles (居民, 志愿者) kept, the staff role replaced. */
export function rolesWith(roles: readonly Role[], role: GrantableRole): Role[] {
  return [...roles.filter((r) => !STAFF_ROLES.includes(r)), role];
}

/** The roles after a revoke: non-staff roles only, a resident at least. */
export function rolesWithoutStaff(roles: readonly Role[]): Role[] {
  const kept = roles.filter((r) => !STAFF_ROLES.includes(r));
  return kept.length ? kept : ['resident'];
}
