/** Reads: SQL picks candidates (see planner), mingo applies filter, sort, skip, limit and projection. */
import { Query } from 'mingo';
import type { Options } from 'mingo/types';
import { MingoError } from 'mingo/util';
import { invalidParam } from './errors';
import { SqlValue, tupleId } from './keys';
import { Plan, planQuery, SortSpec } from './planner';
import type { CollectionMeta, Store, StoredRow } from './store';
import { Doc, DocId, parseStoredDoc } from './values';

export const MINGO_OPTIONS: Partial<Options> = { scriptEnabled: false, idKey: '_id' };

/** Runs mingo code, turning its errors (unknown operator, bad argument…) into INVALID_PARAM. */
export function withMingo<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof MingoError) throw invalidParam(`${what}: ${e.message}`);
    throw e;
  }
}

export const idKey = (id: DocId): string => (typeof id === 'number' ? `n:${id}` : `s:${id}`);

/** A transaction's staged writes to one collection, keyed by `idKey`; `text: null` = deleted. */
export type Overlay = Map<string, { id: DocId; text: string | null }>;

export interface FindOptions {
  sort?: SortSpec;
  skip: number;
  limit: number;
  projection?: Doc;
}

export interface Reader {
  store: Store;
  coll: CollectionMeta;
  filter: Doc;
  query: Query;
  overlay?: Overlay;
}

export function reader(store: Store, coll: CollectionMeta, filter: Doc, overlay?: Overlay): Reader {
  const query = withMingo('invalid query', () => new Query(filter, MINGO_OPTIONS));
  return { store, coll, filter, query, overlay: overlay && overlay.size > 0 ? overlay : undefined };
}

/** All matching rows in natural order. Staged (transaction) documents get `seq` Infinity. */
export function matchingRows(r: Reader, max = Infinity): StoredRow[] {
  const out: StoredRow[] = [];
  if (max <= 0) return out;
  const plan = planQuery(r.coll, r.filter);
  for (const row of candidates(r, plan)) {
    if (r.overlay?.has(idKey(row.doc._id as DocId))) continue;
    if (!test(r, row.doc)) continue;
    out.push(row);
    if (out.length >= max) return out;
  }
  for (const staged of r.overlay?.values() ?? []) {
    if (staged.text === null) continue;
    const row = { seq: Infinity, text: staged.text, doc: parseStoredDoc(staged.text) };
    if (!test(r, row.doc)) continue;
    out.push(row);
    if (out.length >= max) break;
  }
  return out;
}

export function findDocs(r: Reader, opts: FindOptions): Doc[] {
  const sort = opts.sort && opts.sort.length > 0 ? opts.sort : undefined;
  const need = opts.skip + opts.limit;
  let rows: StoredRow[];
  if (!sort) {
    rows = matchingRows(r, need);
  } else {
    const plan = r.overlay ? undefined : planQuery(r.coll, r.filter, sort);
    rows = plan?.stream ? streamRows(r, plan, need) : matchingRows(r);
  }
  return withMingo('invalid sort or projection', () => {
    const cursor = new Query({}, MINGO_OPTIONS).find<Doc>(
      rows.map((row) => row.doc),
      opts.projection,
    );
    if (sort) cursor.sort(Object.fromEntries(sort));
    return cursor.skip(opts.skip).limit(opts.limit).all();
  });
}

/** Applies a projection to documents already selected. */
export function projectDocs(docs: Doc[], projection?: Doc): Doc[] {
  if (!projection) return docs;
  return withMingo('invalid projection', () => new Query({}, MINGO_OPTIONS).find<Doc>(docs, projection).all());
}

export function countDocs(r: Reader): number {
  const plan = planQuery(r.coll, r.filter);
  if (plan.exact && !r.overlay) {
    if (!plan.index) return r.store.count(r.coll);
    const from = plan.index.primary ? r.coll.table : plan.index.table;
    return r.store.prepare(`SELECT COUNT(*) AS n FROM ${from} WHERE ${plan.where.join(' AND ')}`).pluck().get(...plan.params) as number;
  }
  return matchingRows(r).length;
}

function test(r: Reader, doc: Doc): boolean {
  return withMingo('invalid query', () => r.query.test(doc));
}

/**
 * The SQL that reads a plan's candidate rows `(seq, doc)`: in natural order, or for a stream plan in
 * the requested sort order with the sort keys as `s0..sn`.
 */
function planSql(coll: CollectionMeta, plan: Plan): string {
  const where = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
  const ix = plan.index;
  if (!ix) return `SELECT seq, doc FROM ${coll.table} ORDER BY seq`;
  if (plan.stream) {
    const sortCols = plan.stream.sortCols.map((c, j) => `${c} AS s${j}`).join(', ');
    const orderBy = plan.stream.orderBy.join(', ');
    return ix.primary
      ? `SELECT seq, doc, ${sortCols} FROM ${coll.table} ${where} ORDER BY ${orderBy}`
      : `SELECT d.seq AS seq, d.doc AS doc, ${sortCols} FROM ${ix.table} x JOIN ${coll.table} d ON d.seq = x.seq ${where} ORDER BY ${orderBy}`;
  }
  return ix.primary
    ? `SELECT seq, doc FROM ${coll.table} ${where} ORDER BY seq`
    : `SELECT seq, doc FROM ${coll.table} WHERE seq IN (SELECT seq FROM ${ix.table} ${where}) ORDER BY seq`;
}

function* candidates(r: Reader, plan: Plan): Generator<StoredRow> {
  const { store } = r;
  if (plan.index) store.stats.indexedQueries++;
  else store.stats.fullScans++;
  const rows = store.prepare(planSql(r.coll, plan)).iterate(...plan.params) as IterableIterator<{ seq: number; doc: string }>;
  for (const row of rows) yield store.row(row.seq, row.doc);
}

/**
 * Reads rows in index order until `need` documents matched and the tie group of the last one is
 * complete, then returns them in natural order (mingo sorts them, so ties order as in a full sort).
 */
function streamRows(r: Reader, plan: Plan, need: number): StoredRow[] {
  const { store } = r;
  const stream = plan.stream!;
  store.stats.indexedQueries++;
  const out: StoredRow[] = [];
  let lastKey: string | undefined;
  const iter = store.prepare(planSql(r.coll, plan)).iterate(...plan.params) as IterableIterator<Record<string, SqlValue>>;
  for (const raw of iter) {
    const key = tupleId(stream.sortCols.map((_, j) => raw[`s${j}`]));
    if (lastKey !== undefined && key !== lastKey) break;
    const row = store.row(raw.seq as number, raw.doc as string);
    if (!test(r, row.doc)) continue;
    out.push(row);
    if (out.length >= need) lastKey = key;
  }
  return out.sort((a, b) => a.seq - b.seq);
}

export interface Explain {
  plan: string;
  sql: string;
  sqlitePlan: string[];
}

/** How a query would be read (for tests and debugging). */
export function explain(store: Store, coll: CollectionMeta, filter: Doc, sort?: SortSpec): Explain {
  const plan = planQuery(coll, filter, sort);
  const sql = planSql(coll, plan);
  const rows = store.sql.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...plan.params) as Array<{ detail: string }>;
  return { plan: plan.description, sql, sqlitePlan: rows.map((row) => row.detail) };
}
