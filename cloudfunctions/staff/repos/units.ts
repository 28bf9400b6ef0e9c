/** The org units and property companies the staff module reads: a caller's units and everything beneath them. */
import type { OrgUnit, PropertyCompany } from '../../../types/org';
import { database } from '../../core/platform/cloud';

const PAGE = 1000;

async function all<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await database().collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(PAGE).get();
    out.push(...(data as T[]));
    if (data.length < PAGE) return out;
  }
}

export const unitsRepo = {
  /** The units given and every unit beneath them (their path passes through one of them). */
  beneath(unitIds: readonly string[]): Promise<OrgUnit[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return all<OrgUnit>('orgUnits', { path: database().command.in([...unitIds]) });
  },

  companies: (): Promise<PropertyCompany[]> => all<PropertyCompany>('propertyCompanies', {}),
};
