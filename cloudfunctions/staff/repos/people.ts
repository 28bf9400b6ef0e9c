/**
 * The staff grant on a `users` document: roles, jurisdiction, property company and who granted it.
 * Only this module writes those fields (the users module owns name, phone, household, preferences).
 */
import type { Role } from '../../../types/contract';
import type { Page, PageRequest } from '../../../types/paging';
import type { Jurisdiction, UserDoc } from '../../../types/users';
import { isDuplicate } from '../../core/db/errors';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';

/** A users document as this module reads it: the profile plus the grant's provenance. */
export interface PersonDoc extends UserDoc {
  staffGrant?: { by: string; at: Date; code: string | null };
}

export interface GrantWrite {
  roles: Role[];
  jurisdiction: Jurisdiction | null;
  propertyCompanyId: string | null;
  staffGrant: PersonDoc['staffGrant'] | null;
}

const users = () => database().collection('users');

function fields(grant: GrantWrite): Record<string, unknown> {
  const _ = database().command;
  return {
    roles: _.set(grant.roles),
    jurisdiction: grant.jurisdiction ? _.set(grant.jurisdiction) : _.remove(),
    propertyCompanyId: grant.propertyCompanyId ?? _.remove(),
    staffGrant: grant.staffGrant ? _.set(grant.staffGrant) : _.remove(),
  };
}

export const peopleRepo = {
  async get(openid: string): Promise<PersonDoc | null> {
    const { data } = await users().where({ _id: openid }).limit(1).get();
    return (data[0] as PersonDoc | undefined) ?? null;
  },

  /** Writes the grant, creating the profile of a first-time WeChat user (name, phone, household untouched). */
  async bind(openid: string, grant: GrantWrite, now: Date): Promise<void> {
    const update = () => users().doc(openid).update(fields(grant));
    if (await this.get(openid)) return void (await update());
    try {
      const { jurisdiction, propertyCompanyId, staffGrant, roles } = grant;
      await users().add({
        _id: openid,
        name: '微信用户',
        roles,
        ...(jurisdiction ? { jurisdiction } : {}),
        ...(propertyCompanyId ? { propertyCompanyId } : {}),
        ...(staffGrant ? { staffGrant } : {}),
        createdAt: now,
      });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      await update();
    }
  },

  /** Rewrites the grant if the person still holds `role`: false when someone changed it meanwhile. */
  async regrant(openid: string, role: Role, grant: GrantWrite): Promise<boolean> {
    const res = await users().where({ _id: openid, roles: role }).update(fields(grant));
    return res.updated === 1;
  },

  /** Org staff covering any of the units, and property staff of the companies given, by name. */
  inReach(scope: { unitIds: readonly string[]; propertyCompanyIds: readonly string[] }, page: PageRequest): Promise<Page<PersonDoc>> {
    const _ = database().command;
    const parts: Array<Record<string, unknown>> = [];
    if (scope.unitIds.length) parts.push({ 'jurisdiction.unitIds': _.in([...scope.unitIds]), roles: _.in(['grid_worker', 'community_staff', 'street_commander', 'district_commander']) });
    if (scope.propertyCompanyIds.length) parts.push({ roles: 'property_staff', propertyCompanyId: _.in([...scope.propertyCompanyIds]) });
    const where = parts.length === 1 ? parts[0] : parts.length ? _.or(parts) : { _id: '' };
    return listPage<PersonDoc>('users', { where: where as Record<string, unknown>, orderBy: '_id', direction: 'asc' }, page);
  },
};
