import { ROLE_LABELS } from '../../../types/contract';
import type { AcceptResult } from '../../../types/staff.constants';
import type { staffContract } from '../../../types/staff';
import { isStaff } from '../../core/auth/jurisdiction';
import { conflict, notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { acceptRefusal } from '../domain/invitation';
import { grantRefusal, rolesWith } from '../domain/grants';
import { auditRepo } from '../repos/audit';
import { invitationsRepo, type InvitationDoc } from '../repos/invitations';
import { peopleRepo } from '../repos/people';

function result(inv: InvitationDoc, name: string): AcceptResult {
  return {
    name,
    role: inv.role,
    roleLabel: ROLE_LABELS[inv.role],
    level: inv.level,
    unitId: inv.unitId,
    unitName: inv.unitName,
    propertyCompanyId: inv.propertyCompanyId,
    propertyCompanyName: inv.propertyCompanyName,
  };
}

/**
 * 接受邀请: claim the code by a write conditional on it being unused and unexpired (of many callers at
 * once exactly one wins), then bind the caller's profile to the grant; the claim is given back if that fails.
 */
export const accept: Handler<typeof staffContract.accept> = async ({ code }, { caller, now }) => {
  const name = caller.user?.name ?? '微信用户';
  const inv = await invitationsRepo.get(code);
  if (inv?.usedBy === caller.openid) return result(inv, name); // a retry of one's own acceptance
  const refusal = acceptRefusal(inv, now);
  if (!inv) throw notFound(refusal ?? undefined);
  if (refusal) throw conflict(refusal);
  if (isStaff(caller)) throw conflict('您已是工作人员，如需调整角色请联系上级');
  // The inviter must still be able to give this grant: a revoked or moved admin's codes lapse.
  if (!inv.byPlatform) {
    const issuer = await peopleRepo.get(inv.invitedBy.openid);
    const unit = inv.level && inv.unitId ? { id: inv.unitId, level: inv.level, path: inv.unitPath } : null;
    const issuerSubject = issuer && { openid: issuer._id, roles: issuer.roles, jurisdiction: issuer.jurisdiction ?? null, propertyCompanyId: issuer.propertyCompanyId ?? null };
    if (!issuerSubject || grantRefusal(issuerSubject, { role: inv.role, unit, propertyCompanyId: inv.propertyCompanyId })) throw conflict('邀请人已无权发出该邀请，请联系其上级重新邀请');
  }

  const who = { openid: caller.openid, name };
  if (!(await invitationsRepo.claim(code, who, now))) {
    const after = await invitationsRepo.get(code);
    if (after?.usedBy === caller.openid) return result(after, name);
    throw conflict(acceptRefusal(after, now) ?? '该邀请码已被使用，每个邀请码只能使用一次');
  }
  try {
    await peopleRepo.bind(
      caller.openid,
      {
        roles: rolesWith(caller.user?.roles ?? [], inv.role),
        jurisdiction: inv.level && inv.unitId ? { level: inv.level, unitIds: [inv.unitId] } : null,
        propertyCompanyId: inv.propertyCompanyId,
        staffGrant: { by: inv.invitedBy.openid, at: now, code },
      },
      now,
    );
  } catch (error) {
    await invitationsRepo.release(code, caller.openid);
    throw error;
  }
  const grant = result(inv, name);
  const { name: _n, ...view } = grant;
  await auditRepo.append({ kind: 'accepted', at: now, by: who, target: who, grant: view, previous: null, code, unitPath: inv.unitPath, propertyCompanyId: inv.propertyCompanyId });
  return grant;
};
