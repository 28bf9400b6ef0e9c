import type { Role } from '../../../types/contract';
import type { UserDoc } from '../../../types/users';
import { isDuplicate } from '../db/errors';
import { database } from '../platform/cloud';

const users = () => database().collection('users');

interface Person {
  openid: string;
  name: string;
}

async function people(where: Record<string, unknown>, limit: number): Promise<Person[]> {
  const { data } = await users().where(where).limit(limit).field({ _id: true, name: true }).get();
  return (data as Array<Pick<UserDoc, '_id' | 'name'>>).map((u) => ({ openid: u._id, name: u.name }));
}

export const usersRepo = {
  async get(openid: string): Promise<UserDoc | null> {
    const { data } = await users().where({ _id: openid }).limit(1).get();
    return (data[0] as UserDoc | undefined) ?? null;
  },

  /** Binds the user's household, creating a resident profile on first use. */
  async setHousehold(openid: string, household: NonNullable<UserDoc['household']>, fallbackName: string): Promise<void> {
    // `set` replaces the whole household, so a room left from an earlier binding does not linger.
    const update = () => users().doc(openid).update({ household: database().command.set(household) });
    if (await this.get(openid)) return void (await update());
    try {
      await users().add({ _id: openid, name: fallbackName, roles: ['resident'], household, createdAt: new Date() });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      await update(); // created by a concurrent call of the same user
    }
  },

  /** Sets the user's preferences, creating a resident profile on first use (as `setHousehold`). */
  async setPreferences(openid: string, preferences: NonNullable<UserDoc['preferences']>, fallbackName: string): Promise<void> {
    const update = () => users().doc(openid).update({ preferences: database().command.set(preferences) });
    if (await this.get(openid)) return void (await update());
    try {
      await users().add({ _id: openid, name: fallbackName, roles: ['resident'], preferences, createdAt: new Date() });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      await update(); // created by a concurrent call of the same user
    }
  },

  /** Staff of a role whose jurisdiction includes the unit. */
  staffCovering: (unitId: string, role: Role, limit = 20) => people({ roles: role, 'jurisdiction.unitIds': unitId }, limit),

  /** Staff of a property company. */
  propertyStaff: (propertyCompanyId: string, limit = 20) => people({ roles: 'property_staff', propertyCompanyId }, limit),

  /** The grid worker who covers a grid (the first one, when several share it), with a phone for residents. */
  async gridWorker(gridId: string): Promise<Pick<UserDoc, 'name' | 'phone'> | null> {
    const { data } = await users().where({ roles: 'grid_worker', 'jurisdiction.unitIds': gridId }).limit(1).field({ name: true, phone: true }).get();
    return (data[0] as Pick<UserDoc, 'name' | 'phone'> | undefined) ?? null;
  },
};
