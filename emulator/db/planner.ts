/**
 * Chooses how to read candidate documents for a query. Only the indexable part of the top-level
 * query is translated to SQL (equality, $in, $gt/$gte/$lt/$lte on the fields of one index, leading
 * fields first, including compound prefixes); mingo always applies the full filter afterwards, so SQL
 * only has to return a superset of the matches.
 */
import { encodeQueryValue, isExactRangeKey, SqlValue, typeBracket } from './keys';
import type { CollectionMeta, IndexMeta } from './store';
import { Doc, isPlainObject } from './values';

export type SortSpec = Array<[string, 1 | -1]>;

interface Bound {
  key: SqlValue;
  inclusive: boolean;
}

interface FieldCond {
  eq?: SqlValue[];
  lower?: Bound;
  upper?: Bound;
  /** Every condition on this field was recorded above (none left for mingo alone). */
  complete: boolean;
}

interface Analysis {
  fields: Map<string, FieldCond>;
  /** The filter is a flat AND of field conditions (no $and/$or/...). */
  flat: boolean;
}

export interface Plan {
  /** Undefined: read the whole collection. */
  index?: IndexMeta;
  where: string[];
  params: SqlValue[];
  /** SQL selects exactly the matching documents, one row each (counts need no mingo). */
  exact: boolean;
  /** Rows arrive in the requested sort order. */
  stream?: { orderBy: string[]; sortCols: string[] };
  description: string;
}

export function planQuery(coll: CollectionMeta, filter: Doc, sort?: SortSpec): Plan {
  const analysis = analyze(filter);
  let best: (Plan & { score: number }) | undefined;
  for (const ix of coll.indexes) {
    const candidate = filterPlan(ix, analysis);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  if (sort && sort.length > 0) {
    for (const ix of coll.indexes) {
      const candidate = streamPlan(ix, analysis, sort);
      if (candidate && (!best || candidate.score >= best.score)) best = candidate;
    }
  }
  if (!best) return { where: [], params: [], exact: Object.keys(filter).length === 0, description: 'COLLSCAN' };
  const { score: _score, ...plan } = best;
  return plan;
}

function analyze(filter: Doc): Analysis {
  const fields = new Map<string, FieldCond>();
  let flat = true;
  const visit = (q: Doc): void => {
    for (const [key, value] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(value)) {
        flat = false;
        for (const sub of value) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (key.startsWith('$')) {
        flat = false;
        continue;
      }
      const cond = fields.get(key) ?? { complete: true };
      fields.set(key, cond);
      if (isOperatorObject(value)) {
        for (const [op, arg] of Object.entries(value)) if (!addCondition(cond, op, arg)) cond.complete = false;
      } else if (!addCondition(cond, '$eq', value)) {
        cond.complete = false;
      }
    }
  };
  visit(filter);
  return { fields, flat };
}

function isOperatorObject(v: unknown): v is Doc {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** Records an indexable condition; returns false when mingo alone must evaluate it. */
function addCondition(cond: FieldCond, op: string, arg: unknown): boolean {
  switch (op) {
    case '$eq': {
      const key = arg instanceof RegExp ? undefined : encodeQueryValue(arg);
      if (key === undefined || cond.eq) return false;
      cond.eq = [key];
      return true;
    }
    case '$in': {
      if (!Array.isArray(arg) || cond.eq) return false;
      const keys = arg.map((v) => (v instanceof RegExp ? undefined : encodeQueryValue(v)));
      if (keys.some((k) => k === undefined)) return false;
      cond.eq = dedupe(keys as SqlValue[]);
      return true;
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      const key = encodeQueryValue(arg);
      if (key === undefined || key === null) return false;
      const side = op === '$gt' || op === '$gte' ? 'lower' : 'upper';
      if (cond[side]) return false;
      cond[side] = { key, inclusive: op.endsWith('e') };
      return isExactRangeKey(key);
    }
    default:
      return false;
  }
}

function dedupe(keys: SqlValue[]): SqlValue[] {
  const out: SqlValue[] = [];
  for (const k of keys) if (!out.some((o) => sameKey(o, k))) out.push(k);
  return out;
}

function sameKey(a: SqlValue, b: SqlValue): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

interface Sql {
  where: string[];
  params: SqlValue[];
}

function eqSql(col: string, keys: SqlValue[], out: Sql): void {
  const values = keys.filter((k) => k !== null);
  const hasNull = values.length < keys.length;
  const inList = values.length === 1 ? `${col} = ?` : `${col} IN (${values.map(() => '?').join(', ')})`;
  if (values.length === 0) out.where.push(hasNull ? `${col} IS NULL` : '0');
  else out.where.push(hasNull ? `(${col} IS NULL OR ${inList})` : inList);
  out.params.push(...values);
}

/** Adds range conditions; returns true when they select exactly the values mingo would match. */
function rangeSql(col: string, cond: FieldCond, multikey: boolean, out: Sql): boolean {
  let { lower, upper } = cond;
  // On arrays, two bounds may be met by different elements: use one bound only.
  if (multikey && lower && upper) upper = undefined;
  const lowerBracket = lower && typeBracket(lower.key);
  const upperBracket = upper && typeBracket(upper.key);
  if (lower && upper && !sameKey(lowerBracket?.low ?? null, upperBracket?.low ?? null)) upper = undefined;
  if (lower) {
    out.where.push(`${col} ${lower.inclusive ? '>=' : '>'} ?`);
    out.params.push(lower.key);
  }
  if (upper) {
    out.where.push(`${col} ${upper.inclusive ? '<=' : '<'} ?`);
    out.params.push(upper.key);
  }
  const bracket = (lowerBracket ?? upperBracket)!;
  if (!upper && bracket.high !== undefined) {
    out.where.push(`${col} < ?`);
    out.params.push(bracket.high);
  }
  if (!lower && bracket.low !== undefined) {
    out.where.push(`${col} >= ?`);
    out.params.push(bracket.low);
  }
  return cond.lower === lower && cond.upper === upper;
}

function filterPlan(ix: IndexMeta, analysis: Analysis): (Plan & { score: number }) | undefined {
  const sql: Sql = { where: [], params: [] };
  const used = new Set<string>();
  let exact = analysis.flat && !ix.multikey;
  let eqCount = 0;
  for (const [i, path] of ix.paths.entries()) {
    const cond = analysis.fields.get(path);
    if (!cond) break;
    if (cond.eq) {
      eqSql(ix.cols[i], cond.eq, sql);
      exact &&= cond.complete && !cond.lower && !cond.upper;
      used.add(path);
      eqCount++;
      continue;
    }
    if (cond.lower || cond.upper) {
      exact = rangeSql(ix.cols[i], cond, ix.multikey, sql) && cond.complete && exact;
      used.add(path);
    }
    break;
  }
  if (used.size === 0) return undefined;
  exact &&= used.size === analysis.fields.size;
  const hasRange = used.size > eqCount;
  const fullUnique = ix.unique && eqCount === ix.paths.length;
  return {
    index: ix,
    ...sql,
    exact,
    score: eqCount * 10 + (hasRange ? 5 : 0) + (fullUnique ? 100 : 0),
    description: `IXSCAN ${ix.name} (${[...used].join(', ')})`,
  };
}

function streamPlan(ix: IndexMeta, analysis: Analysis, sort: SortSpec): (Plan & { score: number }) | undefined {
  if (ix.multikey) return undefined;
  const sql: Sql = { where: [], params: [] };
  let prefix = 0;
  while (prefix < ix.paths.length) {
    const eq = analysis.fields.get(ix.paths[prefix])?.eq;
    if (!eq || eq.length !== 1) break;
    eqSql(ix.cols[prefix], eq, sql);
    prefix++;
  }
  if (prefix + sort.length > ix.paths.length) return undefined;
  // Sort fields must follow the equality prefix, all in index direction or all reversed.
  let reversed: boolean | undefined;
  for (const [j, [path, dir]] of sort.entries()) {
    const i = prefix + j;
    if (ix.paths[i] !== path) return undefined;
    const rev = dir !== ix.directions[i];
    if (reversed !== undefined && rev !== reversed) return undefined;
    reversed = rev;
  }
  const first = analysis.fields.get(ix.paths[prefix]);
  const hasRange = !!(first && !first.eq && (first.lower || first.upper));
  if (hasRange) rangeSql(ix.cols[prefix], first!, false, sql);
  const sortCols = sort.map((_, j) => ix.cols[prefix + j]);
  const seqDir = reversed ? 'DESC' : 'ASC';
  const qualify = (col: string): string => (ix.primary ? col : `x.${col}`);
  return {
    index: ix,
    ...sql,
    exact: false,
    stream: {
      orderBy: [
        ...sort.map(([, dir], j) => `${qualify(sortCols[j])} ${dir === 1 ? 'ASC' : 'DESC'}`),
        // Ties in insertion order; `_id` has no ties.
        ...(ix.primary ? [] : [`x.seq ${seqDir}`]),
      ],
      sortCols: sortCols.map(qualify),
    },
    score: prefix * 10 + 8 + (hasRange ? 5 : 0),
    description: `IXSCAN ${ix.name} sorted (${[...ix.paths.slice(0, prefix), ...sort.map(([p]) => p)].join(', ')})`,
  };
}
