import { randomInt } from 'node:crypto';
import type { staffContract } from '../../../types/staff';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { grantView, resolveGrant } from '../app/grant';
import { invitationView } from '../app/views';
import { expiryOf, makeCode } from '../domain/invitation';
import { auditRepo } from '../repos/audit';
import { invitationsRepo, type InvitationDoc } from '../repos/invitations';

/** 发出邀请: check the grant, store a fresh code (a retry of the same request returns the first), audit it. */
export const invite: Handler<typeof staffContract.invite> = async (input, { caller, now }) => {
  const grant = await resolveGrant(caller, input);
  const requestKey = `${caller.openid}:${input.requestId.toLowerCase()}`;
  const earlier = await invitationsRepo.byRequest(requestKey);
  if (earlier) return invitationView(earlier, now, true);

  const view = grantView(grant);
  const by = { openid: caller.openid, name: caller.user?.name ?? '微信用户' };
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = makeCode(randomInt);
    const doc: InvitationDoc = {
      _id: code,
      code,
      requestKey,
      role: grant.role,
      level: view.level,
      unitId: view.unitId,
      unitName: view.unitName,
      unitPath: grant.unit?.path ?? [],
      propertyCompanyId: view.propertyCompanyId,
      propertyCompanyName: view.propertyCompanyName,
      invitedBy: by,
      createdAt: now,
      expiresAt: expiryOf(now, input.ttlHours),
      usedBy: null,
      usedByName: null,
      usedAt: null,
    };
    if (await invitationsRepo.add(doc)) {
      await auditRepo.append({ kind: 'invited', at: now, by, target: null, grant: view, previous: null, code, unitPath: doc.unitPath, propertyCompanyId: doc.propertyCompanyId });
      return invitationView(doc, now, true);
    }
    const raced = await invitationsRepo.byRequest(requestKey); // the same request, sent twice at once
    if (raced) return invitationView(raced, now, true);
  }
  throw conflict('生成邀请码失败，请重试');
};
