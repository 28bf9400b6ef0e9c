/**
 * `appealStats`: one counter document per unit (all four levels), cohort day and category. A counter
 * effect increments the four documents of its appeal once each: the `applied` list of a document
 * records the effects it has taken, so re-applying an effect (a retry, the sweeper) changes nothing.
 */
import type { AppealCategory } from '../../../types/appeals.constants';
import type { OrgLevel } from '../../../types/org.constants';
import type { Place, StatsDelta } from '../domain/model';
import { COUNT_FIELDS, STATUS_FIELDS } from '../domain/stats';
import { cmd, db, isDuplicate } from './db';

const stats = () => db().collection('appealStats');

export interface StatsDoc {
  _id: string;
  level: OrgLevel;
  unitId: string;
  parentId: string | null;
  day: string;
  category: AppealCategory;
  applied: string[];
  [counter: string]: unknown;
}

interface Target {
  id: string;
  level: OrgLevel;
  unitId: string;
  parentId: string | null;
}

export const statsId = (level: OrgLevel, unitId: string, day: string, category: AppealCategory) => `${level}_${unitId}_${day}_${category}`;

function targets(place: Place, day: string, category: AppealCategory): Target[] {
  const units: Array<[OrgLevel, string, string | null]> = [
    ['grid', place.gridId, place.communityId],
    ['community', place.communityId, place.streetId],
    ['street', place.streetId, place.districtId],
    ['district', place.districtId, null],
  ];
  return units.map(([level, unitId, parentId]) => ({ id: statsId(level, unitId, day, category), level, unitId, parentId }));
}

/** Counter fields, for projections and sums. */
export const STAT_FIELDS: string[] = [...COUNT_FIELDS, ...STATUS_FIELDS];

export const statsRepo = {
  async apply(effectId: string, place: Place, day: string, category: AppealCategory, delta: StatsDelta): Promise<void> {
    const _ = cmd();
    const all = targets(place, day, category);
    const inc: Record<string, unknown> = {};
    for (const [field, n] of Object.entries(delta)) if (n) inc[field] = _.inc(n);
    if (Object.keys(inc).length === 0) return;
    const { updated } = await stats()
      .where({ _id: _.in(all.map((t) => t.id)), applied: _.neq(effectId) })
      .update({ ...inc, applied: _.push([effectId]) });
    if (updated === all.length) return;
    // Some documents are missing (first appeal of the day and category there) or already applied.
    const { data } = await stats()
      .where({ _id: _.in(all.map((t) => t.id)) })
      .field({ _id: true })
      .get();
    const present = new Set((data as Array<{ _id: string }>).map((d) => d._id));
    for (const t of all.filter((t) => !present.has(t.id))) {
      const doc: StatsDoc = { _id: t.id, level: t.level, unitId: t.unitId, parentId: t.parentId, day, category, applied: [effectId] };
      for (const f of STAT_FIELDS) doc[f] = delta[f as keyof StatsDelta] ?? 0;
      try {
        await stats().add(doc);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        // Created by a concurrent effect: apply ours to it, still at most once.
        await stats().where({ _id: t.id, applied: _.neq(effectId) }).update({ ...inc, applied: _.push([effectId]) });
      }
    }
  },

  /** Counter documents of one unit over a day range (inclusive), paged past the 1000-document limit. */
  async ofUnit(unitId: string, from: string, to: string): Promise<StatsDoc[]> {
    return this.pagedQuery({ unitId, day: cmd().gte(from).and(cmd().lte(to)) });
  },

  /** Counter documents of the units directly under `parentId`. */
  async ofChildren(parentId: string, from: string, to: string): Promise<StatsDoc[]> {
    return this.pagedQuery({ parentId, day: cmd().gte(from).and(cmd().lte(to)) });
  },

  async pagedQuery(where: Record<string, unknown>): Promise<StatsDoc[]> {
    const projection: Record<string, true> = { _id: true, unitId: true, day: true, category: true };
    for (const f of STAT_FIELDS) projection[f] = true;
    const out: StatsDoc[] = [];
    for (let offset = 0; offset < 20_000; offset += 1000) {
      const { data } = await stats().where(where).orderBy('day', 'asc').skip(offset).limit(1000).field(projection).get();
      out.push(...(data as StatsDoc[]));
      if (data.length < 1000) break;
    }
    return out;
  },
};
