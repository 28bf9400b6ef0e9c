/** Storing a new invitation: a fresh code (a clash draws again), the audit entry, and a retried request finding the first. */
import { randomInt } from 'node:crypto';
import type { PersonRef } from '../../../types/staff.constants';
import { conflict } from '../../core/errors';
import { expiryOf, makeCode } from '../domain/invitation';
import { auditRepo } from '../repos/audit';
import { invitationsRepo, type InvitationDoc } from '../repos/invitations';
import { grantView, type ResolvedGrant } from './grant';

export interface NewInvitation {
  grant: ResolvedGrant;
  by: PersonRef;
  /** Unique per request: a retry returns the invitation the first attempt stored. */
  requestKey: string;
  ttlHours: number;
  now: Date;
  /** Issued from the command line by whoever deploys (the first 区市指挥中心 of a district), not by a person in the app. */
  byPlatform?: boolean;
}

export async function storeInvitation({ grant, by, requestKey, ttlHours, now, byPlatform }: NewInvitation): Promise<InvitationDoc> {
  const earlier = await invitationsRepo.byRequest(requestKey);
  if (earlier) return earlier;
  const view = grantView(grant);
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
      ...(byPlatform ? { byPlatform: true } : {}),
      createdAt: now,
      expiresAt: expiryOf(now, ttlHours),
      usedBy: null,
      usedByName: null,
      usedAt: null,
    };
    if (await invitationsRepo.add(doc)) {
      await auditRepo.append({ kind: 'invited', at: now, by, target: null, grant: view, previous: null, code, unitPath: doc.unitPath, propertyCompanyId: doc.propertyCompanyId });
      return doc;
    }
    const raced = await invitationsRepo.byRequest(requestKey); // the same request, sent twice at once
    if (raced) return raced;
  }
  throw conflict('生成邀请码失败，请重试');
}
