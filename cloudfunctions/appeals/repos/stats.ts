/**
 * `appealStats`: one counter document per unit (all four levels), cohort day and category. A counter
 * effect increments the four documents of its appeal once each: the `applied` list of a document
 * records the effects it has taken, so re-applying an effect (a retry, the sweep) changes nothing.
 */
import type { AppealCategory } from '../../../types/appeals.constants';
import type { OrgLevel } from '../../../types/org.constants';
import { unitChain } from '../../core/auth/jurisdiction';
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

export const statsId = (level: OrgLevel, unitId: string, day: string, category: AppealCategory) => `${level}_${unitId}_${day}_${category}`;

/** Counter fields, for projections and sums. */
export const STAT_FIELDS: string[] = [...COUNT_FIELDS, ...STATUS_FIELDS];

/** Summed counters of a group of counter documents: by category, or by unit. */
export type StatSums = { _id: string } & Record<string, number>;

function sumsOf(where: Record<string, unknown>, groupBy: 'category' | 'unitId'): Promise<StatSums[]> {
  const $ = cmd().aggregate;
  const group: Record<string, unknown> = { _id: `$${groupBy}` };
  for (const f of STAT_FIELDS) group[f] = $.sum(`$${f}`);
  // One row per category or per child unit: a few dozen at most, summed in the database whatever the range.
  return stats()
    .aggregate()
    .match(where)
    .group(group)
    .limit(1000)
    .end()
    .then(({ data }: { data: unknown[] }) => data as StatSums[]);
}

export const statsRepo = {
  /**
   * Applies an effect to each of the four documents: increment unless already applied; if that
   * changed nothing, create the document with the effect in it; if someone created it meanwhile,
   * increment again. Every path ends in a write conditional on `applied`, so no interleaving of two
   * effects on a document that does not exist yet loses a count, and none counts one twice.
   */
  async apply(effectId: string, place: Place, day: string, category: AppealCategory, delta: StatsDelta): Promise<void> {
    const _ = cmd();
    const inc: Record<string, unknown> = {};
    for (const [field, n] of Object.entries(delta)) if (n) inc[field] = _.inc(n);
    if (Object.keys(inc).length === 0) return;
    const increment = (ids: string[]) => stats().where({ _id: _.in(ids), applied: _.neq(effectId) }).update({ ...inc, applied: _.push([effectId]) });
    const targets = unitChain(place).map((t) => ({ ...t, id: statsId(t.level, t.unitId, day, category) }));
    const { updated } = await increment(targets.map((t) => t.id));
    if (updated === targets.length) return;
    for (const t of targets) {
      const doc: StatsDoc = { _id: t.id, level: t.level, unitId: t.unitId, parentId: t.parentId, day, category, applied: [effectId] };
      for (const f of STAT_FIELDS) doc[f] = delta[f as keyof StatsDelta] ?? 0;
      try {
        await stats().add(doc);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        await increment([t.id]); // exists: counted now, or already (then `applied` holds it)
      }
    }
  },

  /** A unit's counters over a day range (inclusive), summed per category. */
  byCategory(unitId: string, from: string, to: string): Promise<StatSums[]> {
    return sumsOf({ unitId, day: cmd().gte(from).and(cmd().lte(to)) }, 'category');
  },

  /** The counters of the units directly under `parentId` over a day range, summed per unit. */
  byChild(parentId: string, from: string, to: string): Promise<StatSums[]> {
    return sumsOf({ parentId, day: cmd().gte(from).and(cmd().lte(to)) }, 'unitId');
  },
};
