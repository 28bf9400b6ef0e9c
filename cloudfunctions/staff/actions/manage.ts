/** 调整角色 and 撤销权限: for staff strictly below the caller, by a write conditional on the role they hold. */
import type { StaffMemberView } from '../../../types/staff.constants';
import type { staffContract } from '../../../types/staff';
import type { Caller } from '../../core/auth/caller';
import { conflict, forbidden, notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { grantView, resolveGrant, staffRoleOf } from '../app/grant';
import { reachOf, withUnitsOf, type Reach } from '../app/reach';
import { memberView, personGrant, targetOf } from '../app/views';
import { manageRefusal, rolesWith, rolesWithoutStaff } from '../domain/grants';
import { auditRepo } from '../repos/audit';
import { peopleRepo, type PersonDoc } from '../repos/people';

async function manageable(caller: Caller, openid: string): Promise<{ person: PersonDoc; reach: Reach }> {
  const person = await peopleRepo.get(openid);
  if (!person || !staffRoleOf(person.roles)) throw notFound('找不到该工作人员');
  const reach = await reachOf(caller);
  await withUnitsOf(reach.units, [person]);
  const refusal = manageRefusal(caller, targetOf(person, reach.units));
  if (refusal) throw forbidden(refusal);
  return { person, reach };
}

const pathsOf = (person: PersonDoc, reach: Reach) => (person.jurisdiction?.unitIds ?? []).flatMap((id) => reach.units.get(id)?.path ?? []);
const stale = () => conflict('该人员的权限刚被他人调整，请刷新后重试');

export const changeRole: Handler<typeof staffContract.changeRole> = async (input, { caller, now }) => {
  const { person, reach } = await manageable(caller, input.openid);
  const grant = await resolveGrant(caller, input);
  const current = staffRoleOf(person.roles)!;
  const previous = personGrant(person, reach.units, reach.companies);
  const next = grantView(grant);
  const write = {
    roles: rolesWith(person.roles, grant.role),
    jurisdiction: grant.unit ? { level: grant.unit.level, unitIds: [grant.unit._id] } : null,
    propertyCompanyId: grant.company?._id ?? null,
    staffGrant: { by: caller.openid, at: now, code: null },
  };
  if (!(await peopleRepo.regrant(person._id, current, write))) throw stale();
  const by = { openid: caller.openid, name: caller.user?.name ?? '微信用户' };
  await auditRepo.append({
    kind: 'changed',
    at: now,
    by,
    target: { openid: person._id, name: person.name },
    grant: next,
    previous,
    code: null,
    unitPath: [...new Set([...pathsOf(person, reach), ...(grant.unit?.path ?? [])])],
    propertyCompanyId: next.propertyCompanyId ?? previous.propertyCompanyId,
  });
  const updated: PersonDoc = { ...person, ...write, jurisdiction: write.jurisdiction ?? undefined, propertyCompanyId: write.propertyCompanyId ?? undefined };
  if (grant.unit) reach.units.set(grant.unit._id, grant.unit);
  if (grant.company) reach.companies.set(grant.company._id, grant.company);
  return memberView(caller, updated, reach.units, reach.companies);
};

export const revoke: Handler<typeof staffContract.revoke> = async ({ openid }, { caller, now }): Promise<StaffMemberView> => {
  const { person, reach } = await manageable(caller, openid);
  const current = staffRoleOf(person.roles)!;
  const previous = personGrant(person, reach.units, reach.companies);
  const roles = rolesWithoutStaff(person.roles);
  if (!(await peopleRepo.regrant(person._id, current, { roles, jurisdiction: null, propertyCompanyId: null, staffGrant: null }))) throw stale();
  await auditRepo.append({
    kind: 'revoked',
    at: now,
    by: { openid: caller.openid, name: caller.user?.name ?? '微信用户' },
    target: { openid: person._id, name: person.name },
    grant: previous,
    previous: null,
    code: null,
    unitPath: pathsOf(person, reach),
    propertyCompanyId: previous.propertyCompanyId,
  });
  return { ...previous, openid: person._id, name: person.name, phone: person.phone ?? null, canManage: false };
};
