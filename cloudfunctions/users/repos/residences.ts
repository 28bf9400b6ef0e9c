/**
 * The `residences` collection (住户认证): one versioned document per person, `_id` = openid. The only
 * code that knows its shape. Other modules (council) read verified households through it.
 */
import type { ResidenceStatus } from '../../../types/users';
import type { Page, PageRequest } from '../../../types/paging';
import { commandRunner } from '../../core/commands/runner';
import { versionedCollection } from '../../core/commands/versioned';
import type { NotifyEffect } from '../../core/commands/runner';
import type { UnitIdField } from '../../core/auth/jurisdiction';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';
import type { ResidenceDoc } from '../domain/residence';

export const residencesCollection = versionedCollection<ResidenceDoc, NotifyEffect>('residences');

export const residenceCommands = commandRunner<ResidenceDoc, NotifyEffect>({
  collection: residencesCollection,
  messages: { notFound: '找不到该认证申请', stale: '该申请刚刚有了变化，请刷新后再操作', lostRace: '该申请正被他人同时处理，请刷新后重试' },
});

/** Where households are counted: a building, an estate (小区) or a community. */
export type HouseholdScopeField = 'buildingId' | 'estateId' | 'communityId';

/** A verified household: its key, building, the largest floor area any of its residents was recorded with, its verified residents. */
export interface VerifiedHousehold {
  key: string;
  buildingId: string;
  area: number | null;
  openids: string[];
}

export const residencesRepo = {
  get: (openid: string) => residencesCollection.get(openid),

  queue(field: UnitIdField, unitId: string, status: ResidenceStatus, page: PageRequest): Promise<Page<ResidenceDoc>> {
    return listPage<ResidenceDoc>('residences', { where: { [field]: unitId, status }, orderBy: 'requestedAt', direction: status === 'pending' ? 'asc' : 'desc' }, page);
  },

  /** Every verified household in a scope, read in pages of 1000 (a community has a few thousand). */
  async verifiedHouseholds(field: HouseholdScopeField, id: string): Promise<VerifiedHousehold[]> {
    const _ = database().command;
    const byKey = new Map<string, VerifiedHousehold>();
    let after = '';
    for (;;) {
      const { data } = await database()
        .collection('residences')
        .where({ [field]: id, status: 'verified', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(1000)
        .field({ _id: true, householdKey: true, buildingId: true, area: true })
        .get();
      for (const r of data as Array<Pick<ResidenceDoc, '_id' | 'householdKey' | 'buildingId' | 'area'>>) {
        const known = byKey.get(r.householdKey);
        const area = Math.max(known?.area ?? 0, r.area ?? 0) || null;
        byKey.set(r.householdKey, { key: r.householdKey, buildingId: r.buildingId, area, openids: [...(known?.openids ?? []), r._id] });
      }
      if (data.length < 1000) break;
      after = (data[data.length - 1] as { _id: string })._id;
    }
    return [...byKey.values()];
  },
};
