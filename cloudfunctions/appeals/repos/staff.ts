/**
 * Who works for a holder, for notifications. Reads `users` (owned by core/repos/users); kept here until
 * the users repository offers these look-ups.
 */
import type { Role } from '../../../types/contract';
import type { OrgLevel } from '../../../types/org.constants';
import type { UserDoc } from '../../../types/users';
import type { Holder, Person, Place } from '../domain/model';
import { db } from './db';

const users = () => db().collection('users');

const ROLE_OF_LEVEL: Record<OrgLevel, Role> = {
  grid: 'grid_worker',
  community: 'community_staff',
  street: 'street_commander',
  district: 'district_commander',
};

const MAX = 20;

async function find(where: Record<string, unknown>): Promise<Person[]> {
  const { data } = await users().where(where).limit(MAX).field({ _id: true, name: true }).get();
  return (data as Array<Pick<UserDoc, '_id' | 'name'>>).map((u) => ({ openid: u._id, name: u.name }));
}

export const staffRepo = {
  async forHolder(holder: Holder, place: Place): Promise<Person[]> {
    switch (holder.kind) {
      case 'unit':
        return find({ 'jurisdiction.unitIds': holder.id, roles: ROLE_OF_LEVEL[holder.level] });
      case 'property':
        return find({ propertyCompanyId: holder.id, roles: 'property_staff' });
      case 'enforcement':
        return find({ 'jurisdiction.unitIds': place.streetId, roles: 'street_commander' });
    }
  },
};
