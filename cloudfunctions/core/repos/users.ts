import type { UserDoc } from '../../../types/users';
import { database } from '../platform/cloud';

const users = () => database().collection('users');

export const usersRepo = {
  async get(openid: string): Promise<UserDoc | null> {
    const { data } = await users().where({ _id: openid }).limit(1).get();
    return (data[0] as UserDoc | undefined) ?? null;
  },

  async setHousehold(openid: string, household: UserDoc['household'], fallbackName: string): Promise<void> {
    const existing = await this.get(openid);
    if (existing) {
      await users().doc(openid).update({ household });
      return;
    }
    try {
      await users().add({ _id: openid, name: fallbackName, roles: ['resident'], household, createdAt: new Date() });
    } catch {
      // Created by a concurrent call of the same user: fall back to the update.
      await users().doc(openid).update({ household });
    }
  },

  /** The grid worker who covers a grid (the first one, when several share it). */
  async gridWorker(gridId: string): Promise<UserDoc | null> {
    const { data } = await users().where({ roles: 'grid_worker', 'jurisdiction.unitIds': gridId }).limit(1).get();
    return (data[0] as UserDoc | undefined) ?? null;
  },

  async listByIds(ids: string[]): Promise<UserDoc[]> {
    if (ids.length === 0) return [];
    const _ = database().command;
    const { data } = await users().where({ _id: _.in(ids) }).limit(ids.length).get();
    return data as UserDoc[];
  },
};
