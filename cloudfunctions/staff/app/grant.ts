/** A grant as asked (role + unit or company), resolved against the org tree and checked against the caller. */
import { ROLE_LABELS, STAFF_ROLES, type Role } from '../../../types/contract';
import type { OrgUnit, PropertyCompany } from '../../../types/org';
import type { GrantView, GrantableRole } from '../../../types/staff.constants';
import type { Caller } from '../../core/auth/caller';
import { forbidden, invalid, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import { grantRefusal, levelOfRole } from '../domain/grants';

export interface ResolvedGrant {
  role: GrantableRole;
  unit: OrgUnit | null;
  company: PropertyCompany | null;
}

export async function resolveGrant(caller: Caller, input: { role: GrantableRole; unitId?: string; propertyCompanyId?: string }): Promise<ResolvedGrant> {
  const level = levelOfRole(input.role);
  let unit: OrgUnit | null = null;
  let company: PropertyCompany | null = null;
  if (level) {
    if (!input.unitId) throw invalid('unitId', '请选择单位');
    unit = await orgRepo.unit(input.unitId);
    if (!unit) throw notFound('找不到该单位');
  } else {
    const companyId = input.propertyCompanyId ?? caller.propertyCompanyId;
    if (!companyId) throw invalid('propertyCompanyId', '请选择物业公司');
    company = await orgRepo.propertyCompany(companyId);
    if (!company) throw notFound('找不到该物业公司');
  }
  const refusal = grantRefusal(caller, { role: input.role, unit: unit && { id: unit._id, level: unit.level, path: unit.path }, propertyCompanyId: company?._id ?? null });
  if (refusal) throw forbidden(refusal);
  return { role: input.role, unit, company };
}

export function grantView(grant: ResolvedGrant): GrantView {
  return {
    role: grant.role,
    roleLabel: ROLE_LABELS[grant.role],
    level: grant.unit?.level ?? null,
    unitId: grant.unit?._id ?? null,
    unitName: grant.unit?.name ?? null,
    propertyCompanyId: grant.company?._id ?? null,
    propertyCompanyName: grant.company?.name ?? null,
  };
}

/** The staff role a person holds now, if any. */
export function staffRoleOf(roles: readonly Role[]): GrantableRole | null {
  return (roles.find((r) => STAFF_ROLES.includes(r)) as GrantableRole | undefined) ?? null;
}
