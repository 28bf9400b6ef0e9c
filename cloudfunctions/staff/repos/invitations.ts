/** Invitations: one document per code (`_id` = code, also a unique `code` index); used once by a conditional write. */
import type { GrantableRole, PersonRef } from '../../../types/staff.constants';
import type { OrgLevel } from '../../../types/org.constants';
import type { Page, PageRequest } from '../../../types/paging';
import { isDuplicate } from '../../core/db/errors';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';

export interface InvitationDoc {
  _id: string;
  code: string;
  /** `<issuer openid>:<requestId>`, unique: a retried invite finds the first one. */
  requestKey: string;
  role: GrantableRole;
  level: OrgLevel | null;
  unitId: string | null;
  unitName: string | null;
  /** The unit's path from the district down ([] for property staff). */
  unitPath: string[];
  propertyCompanyId: string | null;
  propertyCompanyName: string | null;
  invitedBy: PersonRef;
  /** Issued from the command line at go-live (`npm run staff:invite`): no person in the app stands behind it. */
  byPlatform?: true;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedByName: string | null;
  usedAt: Date | null;
}

const invitations = () => database().collection('invitations');

export const invitationsRepo = {
  async get(code: string): Promise<InvitationDoc | null> {
    const { data } = await invitations().where({ _id: code }).limit(1).get();
    return (data[0] as InvitationDoc | undefined) ?? null;
  },

  async byRequest(requestKey: string): Promise<InvitationDoc | null> {
    const { data } = await invitations().where({ requestKey }).limit(1).get();
    return (data[0] as InvitationDoc | undefined) ?? null;
  },

  /** Adds the invitation; false when the code or the request is taken (the caller tells which). */
  async add(doc: InvitationDoc): Promise<boolean> {
    try {
      await invitations().add(doc);
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  },

  /** Marks the code used by `who` if it is still unused and unexpired: true for exactly one caller. */
  async claim(code: string, who: PersonRef, now: Date): Promise<boolean> {
    const _ = database().command;
    const res = await invitations()
      .where({ _id: code, usedBy: null, expiresAt: _.gt(now) })
      .update({ usedBy: who.openid, usedByName: who.name, usedAt: now });
    return res.updated === 1;
  },

  /** Gives a claimed code back when binding failed after the claim. */
  async release(code: string, openid: string): Promise<void> {
    await invitations().where({ _id: code, usedBy: openid }).update({ usedBy: null, usedByName: null, usedAt: null });
  },

  issuedBy: (openid: string, page: PageRequest): Promise<Page<InvitationDoc>> =>
    listPage<InvitationDoc>('invitations', { where: { 'invitedBy.openid': openid }, orderBy: 'createdAt', direction: 'desc' }, page),
};
