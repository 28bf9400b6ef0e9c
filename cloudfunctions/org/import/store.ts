/**
 * The org import's I/O against the database: what exists for the draft (by id, and every building of
 * its districts, a page at a time), and the plan's writes in batches. The database is passed in, so
 * the function and the CLI share it.
 */
import type { Building, Estate, OrgUnit, PropertyCompany } from '../../../types/org';
import type { Database } from '../../core/platform/cloud';
import type { ImportPlan, OrgSnapshot } from './plan';
import type { OrgDraft } from './validate';

const ID_CHUNK = 500;
const PAGE = 1000;
/** Documents per insert request. */
export const INSERT_BATCH = 500;
/** Update requests in flight at once. */
const UPDATE_CONCURRENCY = 8;

async function byIds<T extends { _id: string }>(db: Database, collection: string, ids: readonly string[]): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const _ = db.command;
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const { data } = await db.collection(collection).where({ _id: _.in(ids.slice(i, i + ID_CHUNK)) }).limit(PAGE).get();
    for (const doc of data as T[]) found.set(doc._id, doc);
  }
  return found;
}

/** Every building of a district, in `_id` order, page by page (index `district_id`). */
async function buildingsOf(db: Database, districtId: string, into: Building[]): Promise<void> {
  const _ = db.command;
  let after: string | null = null;
  for (;;) {
    const where: Record<string, unknown> = after === null ? { districtId } : { districtId, _id: _.gt(after) };
    const { data } = await db.collection('buildings').where(where).orderBy('_id', 'asc').limit(PAGE).get();
    const page = data as Building[];
    into.push(...page);
    if (page.length < PAGE) return;
    after = page[page.length - 1]._id;
  }
}

export async function loadSnapshot(db: Database, draft: OrgDraft): Promise<OrgSnapshot> {
  const unitIds = [...draft.districts, ...draft.streets, ...draft.communities, ...draft.grids].map((u) => u.id);
  const [units, propertyCompanies, estates] = await Promise.all([
    byIds<OrgUnit>(db, 'orgUnits', unitIds),
    byIds<PropertyCompany>(db, 'propertyCompanies', draft.propertyCompanies.map((c) => c.id)),
    byIds<Estate>(db, 'estates', draft.estates.map((e) => e.id)),
  ]);
  const buildings: Building[] = [];
  for (const d of draft.districts) await buildingsOf(db, d.id, buildings);
  return { units, propertyCompanies, estates, buildings };
}

/**
 * Writes the plan: per step, inserts in batches, then field updates a few at a time. Steps run top
 * down, so a building is written only after its grid and estate. A failure stops the import; what
 * was written stays, and running the same file again completes it (every write is keyed by id).
 */
export async function applyPlan(db: Database, plan: ImportPlan): Promise<void> {
  const _ = db.command;
  for (const step of plan.steps) {
    const coll = db.collection(step.collection);
    for (let i = 0; i < step.insert.length; i += INSERT_BATCH) await coll.add(step.insert.slice(i, i + INSERT_BATCH));
    for (let i = 0; i < step.update.length; i += UPDATE_CONCURRENCY) {
      await Promise.all(
        step.update.slice(i, i + UPDATE_CONCURRENCY).map(({ id, set, unset }) => {
          const data: Record<string, unknown> = { ...set };
          for (const key of unset) data[key] = _.remove();
          // A whole array or subdocument is replaced, not merged.
          for (const [key, value] of Object.entries(set)) if (typeof value === 'object' && value !== null) data[key] = _.set(value);
          return coll.doc(id).update(data);
        }),
      );
    }
  }
}
