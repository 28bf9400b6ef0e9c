/** The buildings a batch covers, a page at a time by code, and who serves each (its grid and grid worker). */
import type { Building, Estate, OrgUnit } from '../../../types/org';
import { LEVEL } from '../../core/auth/jurisdiction';
import { orgRepo } from '../../core/repos/org';
import { usersRepo } from '../../core/repos/users';
import { database } from '../../core/platform/cloud';

export const PAGE_SIZE = 100;

type BuildingRow = Pick<Building, '_id' | 'code' | 'name' | 'address' | 'gridId' | 'communityId' | 'estateId'>;
const FIELDS = { _id: true, code: true, name: true, address: true, gridId: true, communityId: true, estateId: true } as const;

const whereOf = (unit: Pick<OrgUnit, '_id' | 'level'>) => ({ [LEVEL[unit.level].id]: unit._id });

export async function countBuildings(unit: Pick<OrgUnit, '_id' | 'level'>): Promise<number> {
  const { total } = await database().collection('buildings').where(whereOf(unit)).count();
  return total;
}

/** Pages of the unit's buildings in code order (keyset on the unique code). */
export async function* buildingPages(unit: Pick<OrgUnit, '_id' | 'level'>, size = PAGE_SIZE): AsyncGenerator<BuildingRow[]> {
  const _ = database().command;
  let last: string | null = null;
  for (;;) {
    const where = last === null ? whereOf(unit) : { ...whereOf(unit), code: _.gt(last) };
    const { data } = await database().collection('buildings').where(where).orderBy('code', 'asc').limit(size).field(FIELDS).get();
    const rows = data as BuildingRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1].code;
  }
}

export interface Serving {
  /** 小区: what a resident calls the place, before the building's own name. */
  estateName: string;
  gridName: string;
  communityName: string;
  workerName: string | null;
  workerPhone: string | null;
}

/** Estate, grid and community names and grid workers, each read once per batch. */
export function servingLookup(): (b: BuildingRow) => Promise<Serving> {
  const estates = new Map<string, Promise<Estate | null>>();
  const units = new Map<string, Promise<OrgUnit | null>>();
  const workers = new Map<string, Promise<{ name?: string; phone?: string } | null>>();
  const unit = (id: string) => {
    if (!units.has(id)) units.set(id, orgRepo.unit(id));
    return units.get(id)!;
  };
  const worker = (gridId: string) => {
    if (!workers.has(gridId)) workers.set(gridId, usersRepo.gridWorker(gridId));
    return workers.get(gridId)!;
  };
  const estate = (id: string) => {
    if (!estates.has(id)) estates.set(id, orgRepo.estate(id));
    return estates.get(id)!;
  };
  return async (b) => {
    const [grid, community, w, e] = await Promise.all([unit(b.gridId), unit(b.communityId), worker(b.gridId), estate(b.estateId)]);
    return { estateName: e?.name ?? '', gridName: grid?.name ?? '', communityName: community?.name ?? '', workerName: w?.name || null, workerPhone: w?.phone || null };
  };
}
