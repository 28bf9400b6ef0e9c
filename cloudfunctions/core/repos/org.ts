import type { Building, Estate, OrgUnit, PropertyCompany } from '../../../types/org';
import type { Page, PageRequest } from '../../../types/paging';
import type { UnitIdField } from '../auth/jurisdiction';
import { listPage } from '../db/list';
import { notFound } from '../errors';
import { database } from '../platform/cloud';

/** A building with everything above it, as stored. */
export interface PlaceRecords {
  building: Building;
  estate: Estate;
  propertyCompany: PropertyCompany | null;
  grid: OrgUnit;
  community: OrgUnit;
  street: OrgUnit;
  district: OrgUnit;
}

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

  /** The building of a code; NOT_FOUND in words a resident understands when there is none. */
  async buildingOfCode(code: string): Promise<Building> {
    const { data } = await db().collection('buildings').where({ code }).limit(1).get();
    const building = data[0] as Building | undefined;
    if (!building) throw notFound('没有找到这个楼栋码，请确认二维码是否完整或联系社区');
    return building;
  },

  /** Building code → the building, its estate and property company, and its four org levels. */
  async placeOfCode(code: string): Promise<PlaceRecords> {
    const building = await this.buildingOfCode(code);
    const [units, estate] = await Promise.all([
      this.units([building.gridId, building.communityId, building.streetId, building.districtId]),
      this.estate(building.estateId),
    ]);
    const unit = (id: string) => units.find((u) => u._id === id);
    const [grid, community, street, district] = [unit(building.gridId), unit(building.communityId), unit(building.streetId), unit(building.districtId)];
    if (!grid || !community || !street || !district || !estate) throw notFound('该楼栋的网格信息不完整，请联系社区');
    const propertyCompany = estate.propertyCompanyId ? await this.propertyCompany(estate.propertyCompanyId) : null;
    return { building, estate, propertyCompany, grid, community, street, district };
  },

  building: (id: string) => byId<Building>('buildings', id),

  buildingsUnder(unitField: UnitIdField, unitId: string, page: PageRequest): Promise<Page<Building>> {
    return listPage<Building>('buildings', { where: { [unitField]: unitId }, orderBy: 'code', direction: 'asc' }, page);
  },
};
