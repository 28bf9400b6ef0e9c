import type { Building, Estate, OrgUnit, PropertyCompany } from '../../../types/org';
import { database } from '../platform/cloud';

const db = () => database();

async function byId<T>(collection: string, id: string): Promise<T | null> {
  const { data } = await db().collection(collection).where({ _id: id }).limit(1).get();
  return (data[0] as T | undefined) ?? null;
}

export const orgRepo = {
  unit: (id: string) => byId<OrgUnit>('orgUnits', id),
  estate: (id: string) => byId<Estate>('estates', id),
  propertyCompany: (id: string) => byId<PropertyCompany>('propertyCompanies', id),

  async units(ids: string[]): Promise<OrgUnit[]> {
    if (ids.length === 0) return [];
    const _ = db().command;
    const { data } = await db().collection('orgUnits').where({ _id: _.in(ids) }).limit(1000).get();
    return data as OrgUnit[];
  },

  async children(parentId: string): Promise<OrgUnit[]> {
    const { data } = await db().collection('orgUnits').where({ parentId }).orderBy('_id', 'asc').limit(1000).get();
    return data as OrgUnit[];
  },

  async childCounts(parentIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (parentIds.length === 0) return counts;
    const _ = db().command;
    const { data } = await db()
      .collection('orgUnits')
      .aggregate()
      .match({ parentId: _.in(parentIds) })
      .group({ _id: '$parentId', n: db().command.aggregate.sum(1) })
      .end();
    for (const row of data as Array<{ _id: string; n: number }>) counts.set(row._id, row.n);
    return counts;
  },

  async buildingByCode(code: string): Promise<Building | null> {
    const { data } = await db().collection('buildings').where({ code }).limit(1).get();
    return (data[0] as Building | undefined) ?? null;
  },

  building: (id: string) => byId<Building>('buildings', id),

  async buildingsUnder(unitField: 'gridId' | 'communityId' | 'streetId' | 'districtId', unitId: string, page: number, pageSize: number) {
    const coll = db().collection('buildings');
    const [{ total }, { data }] = await Promise.all([
      coll.where({ [unitField]: unitId }).count(),
      coll.where({ [unitField]: unitId }).orderBy('code', 'asc').skip((page - 1) * pageSize).limit(pageSize).get(),
    ]);
    return { total, items: data as Building[] };
  },
};
