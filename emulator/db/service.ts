/** Answers @cloudbase/node-sdk database requests (see /work/shared/notes/cloudbase-sdk-wire.md). */
import { randomBytes } from 'node:crypto';
import { Aggregator } from 'mingo';
import type { CollectionSpec } from './spec';
import { DbError, duplicateId, ErrorCode, invalidParam } from './errors';
import type { SortSpec } from './planner';
import {
  countDocs,
  explain,
  Explain,
  findDocs,
  idKey,
  matchingRows,
  MINGO_OPTIONS,
  Overlay,
  projectDocs,
  reader,
  withMingo,
} from './reads';
import { assertCollectionName, CollectionMeta, Store, StoreStats } from './store';
import { applyStaged, Transaction, Transactions, trialApply } from './transactions';
import {
  assertDocId,
  Doc,
  DocId,
  isPlainObject,
  parseStoredDoc,
  parseWireObject,
  parseWireValue,
  stringifyDoc,
} from './values';
import { insertDocs, modifiedDoc, ModifySpec, modifyDocs, prepareInsert, removeDocs, upsertDoc } from './writes';

export interface DbServiceOptions {
  /** SQLite file (':memory:' allowed). */
  file: string;
  collections: CollectionSpec[];
  /** SQLite `synchronous`: NORMAL (default) survives a process crash, FULL also a power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /** Transactions must commit or abort within this time (CloudBase: 30 s). */
  transactionTimeoutMs?: number;
  /** Clock for `serverDate()`, ids and transaction expiry. */
  now?: () => number;
}

export interface DbService {
  /** Handles one SDK request body (JSON-parsed, with `action`). Never throws: errors come back as `{code, message, requestId}`. */
  handle(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Counters of how queries were answered. */
  stats(): StoreStats;
  /** How a query (decoded filter, e.g. `{gridId: 'g1'}`) on a collection would be read. */
  explain(collection: string, filter: Record<string, unknown>, sort?: Record<string, 1 | -1>): Explain;
  close(): void;
}

type Body = Record<string, unknown>;
type Handler = (body: Body, now: number) => Body;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export function openDatabase(opts: DbServiceOptions): DbService {
  return new Service(opts);
}

class Service implements DbService {
  private readonly store: Store;
  private readonly txs: Transactions;
  private readonly now: () => number;
  private closed = false;
  private readonly handlers: Record<string, Handler> = {
    'database.addCollection': (b) => this.addCollection(b),
    'database.getDocument': (b, now) => this.getDocument(b, now),
    'database.calculateDocument': (b, now) => this.calculateDocument(b, now),
    'database.insertDocument': (b, now) => this.insertDocument(b, now),
    'database.modifyDocument': (b, now) => this.modifyDocument(b, now),
    'database.modifyAndReturnDoc': (b, now) => this.modifyAndReturnDoc(b, now),
    'database.removeDocument': (b, now) => this.removeDocument(b, now),
    'database.aggregateDocuments': (b, now) => this.aggregateDocuments(b, now),
    'database.startTransaction': (_b, now) => ({ transactionId: this.txs.start(now) }),
    'database.commitTransaction': (b) => this.commitTransaction(b),
    'database.abortTransaction': (b) => this.abortTransaction(b),
  };

  constructor(opts: DbServiceOptions) {
    this.now = opts.now ?? Date.now;
    this.txs = new Transactions(opts.transactionTimeoutMs ?? 30_000);
    this.store = new Store(opts.file, opts.synchronous ?? 'NORMAL');
    try {
      this.store.declare(opts.collections);
    } catch (e) {
      this.store.close();
      throw e;
    }
  }

  async handle(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const requestId = randomBytes(8).toString('hex');
    try {
      if (this.closed) throw new DbError(ErrorCode.RequestFailed, 'the database is closed');
      if (!isPlainObject(body)) throw invalidParam('the request body must be a JSON object');
      const { action } = body;
      if (typeof action !== 'string' || action === '') throw invalidParam('action is required');
      const handler = Object.prototype.hasOwnProperty.call(this.handlers, action) ? this.handlers[action] : undefined;
      if (!handler) throw new DbError(ErrorCode.InvalidAction, `unknown action '${action}'`);
      const now = this.now();
      this.txs.sweep(now);
      return { ...handler(body, now), requestId };
    } catch (e) {
      if (e instanceof DbError) return { code: e.code, message: e.message, requestId };
      return { code: ErrorCode.RequestFailed, message: `internal error: ${(e as Error)?.message ?? String(e)}`, requestId };
    }
  }

  stats(): StoreStats {
    return { ...this.store.stats };
  }

  explain(collection: string, filter: Record<string, unknown>, sort?: Record<string, 1 | -1>): Explain {
    return explain(this.store, this.store.collection(collection), filter, sort && Object.entries(sort));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.txs.clear();
    this.store.close();
  }

  // --- actions -----------------------------------------------------------------------------

  private addCollection(body: Body): Body {
    const name = assertCollectionName(body.collectionName);
    if (!this.store.createCollection(name)) {
      throw new DbError(ErrorCode.CollectionAlreadyExist, `collection '${name}' already exists`);
    }
    return {};
  }

  private getDocument(body: Body, now: number): Body {
    const coll = this.store.collection(body.collectionName);
    const filter = filterParam(body, now);
    const projection = body.projection === undefined ? undefined : parseWireObject(body.projection, 'projection', now);
    const tx = this.transactionOf(body);
    const id = docIdOf(body, filter);
    if (id !== undefined) {
      const doc = tx ? this.readForUpdate(tx, coll, id) : this.store.findById(coll, id)?.doc;
      const list = doc ? projectDocs([doc], projection) : [];
      return { data: { list: list.map(stringifyDoc) } };
    }
    const skip = intParam(body, 'offset', 0);
    const requested = intParam(body, 'limit', 0);
    const limit = requested === 0 ? DEFAULT_LIMIT : Math.min(requested, MAX_LIMIT);
    const sort = orderParam(body, now);
    const overlay = tx && tx.staged.get(coll.name);
    const docs = findDocs(reader(this.store, coll, filter, overlay), { sort, skip, limit, projection });
    return { data: { list: docs.map(stringifyDoc), limit, offset: skip } };
  }

  private calculateDocument(body: Body, now: number): Body {
    const coll = this.store.collection(body.collectionName);
    return { data: { total: countDocs(reader(this.store, coll, filterParam(body, now))) } };
  }

  private insertDocument(body: Body, now: number): Body {
    const coll = this.store.collection(body.collectionName);
    if (!Array.isArray(body.data) || body.data.length === 0) throw invalidParam('data must be a non-empty array of EJSON documents');
    const docs = body.data.map((text, i) => prepareInsert(parseWireObject(text, `data[${i}]`, now), now, `data[${i}]`));
    const ids = docs.map((d) => d._id as DocId);
    const tx = this.transactionOf(body);
    if (tx) {
      this.stage(tx, coll, (overlay) => {
        for (const doc of docs) {
          const id = doc._id as DocId;
          if (this.readForUpdate(tx, coll, id)) throw duplicateId(coll.name, id);
          overlay.set(idKey(id), { id, text: stringifyDoc(doc) });
        }
      });
    } else {
      insertDocs(this.store, coll, docs);
      this.txs.noteWrite(coll.name, ids);
    }
    return { data: { insertedIds: ids } };
  }

  private modifyDocument(body: Body, now: number): Body {
    const coll = this.store.collection(body.collectionName);
    const filter = filterParam(body, now);
    const id = docIdOf(body, filter);
    const spec: ModifySpec = {
      filter,
      data: parseWireObject(body.data, 'data', now),
      multi: boolParam(body, 'multi', id === undefined),
      merge: boolParam(body, 'merge', true),
      upsert: boolParam(body, 'upsert', false),
    };
    const tx = this.transactionOf(body);
    if (tx) {
      if (id === undefined) throw invalidParam('inside a transaction only single-document updates (doc(id).update/set) are allowed');
      let result: Body = { updated: 0 };
      this.stage(tx, coll, (overlay) => {
        const current = this.readForUpdate(tx, coll, id);
        if (current) {
          const next = modifiedDoc(current, stringifyDoc(current), spec);
          if (next) {
            overlay.set(idKey(id), { id, text: stringifyDoc(next) });
            result = { updated: 1 };
          }
        } else if (spec.upsert) {
          overlay.set(idKey(id), { id, text: stringifyDoc(upsertDoc(spec, now)) });
          result = { updated: 0, upsert_id: id };
        }
      });
      return { data: result };
    }
    const result = modifyDocs(this.store, coll, spec, now);
    this.txs.noteWrite(coll.name, result.touched);
    return { data: result.upsertId === undefined ? { updated: result.count } : { updated: result.count, upsert_id: result.upsertId } };
  }

  /** `where().updateAndReturn()`: updates the first match, returns its new version. */
  private modifyAndReturnDoc(body: Body, now: number): Body {
    const coll = this.store.collection(body.collectionName);
    if (body.transactionId !== undefined) throw invalidParam('updateAndReturn is not supported inside a transaction');
    const spec: ModifySpec = { filter: filterParam(body, now), data: parseWireObject(body.data, 'data', now), multi: false, merge: true, upsert: false };
    const result = modifyDocs(this.store, coll, spec, now);
    this.txs.noteWrite(coll.name, result.touched);
    let doc = result.doc;
    if (!doc) doc = matchingRows(reader(this.store, coll, spec.filter), 1)[0]?.doc;
    return { data: { updated: result.count, doc: doc ? stringifyDoc(doc) : null } };
  }

  private removeDocument(body: Body, now: number): Body {
    const coll = this.store.collection(body.collectionName);
    const filter = filterParam(body, now);
    const id = docIdOf(body, filter);
    const tx = this.transactionOf(body);
    if (tx) {
      if (id === undefined) throw invalidParam('inside a transaction only single-document removes (doc(id).remove) are allowed');
      let deleted = 0;
      this.stage(tx, coll, (overlay) => {
        if (this.readForUpdate(tx, coll, id)) {
          overlay.set(idKey(id), { id, text: null });
          deleted = 1;
        }
      });
      return { data: { deleted } };
    }
    const result = removeDocs(this.store, coll, filter, boolParam(body, 'multi', id === undefined));
    this.txs.noteWrite(coll.name, result.touched);
    return { data: { deleted: result.count } };
  }

  private aggregateDocuments(body: Body, now: number): Body {
    const coll = this.store.collection(body.collectionName);
    if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array');
    const pipeline = body.stages.map((stage: unknown, i) => {
      if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
        throw invalidParam(`stages[${i}] must be {stageKey: '$<stage>', stageValue: '<EJSON>'}`);
      }
      if (stage.stageKey === '$out' || stage.stageKey === '$merge') throw invalidParam(`${stage.stageKey} is not supported`);
      return { [stage.stageKey]: parseWireValue(stage.stageValue, `stages[${i}].stageValue`, now) };
    });
    // A leading $match selects candidates through the indexes.
    const first = pipeline[0];
    const filter = first && isPlainObject(first.$match) ? first.$match : {};
    const docs = matchingRows(reader(this.store, coll, filter)).map((r) => r.doc);
    const list = withMingo('invalid aggregation', () =>
      new Aggregator(pipeline, { ...MINGO_OPTIONS, collectionResolver: (name) => this.allDocs(name) }).run(docs),
    );
    return { data: { list: list.map(stringifyDoc) } };
  }

  private commitTransaction(body: Body): Body {
    try {
      const tx = this.txs.get(body.transactionId);
      this.store.sql.transaction(() => applyStaged(this.store, tx))();
    } finally {
      // Committed, failed to commit, or lost a conflict earlier: it is over in every case.
      this.txs.discard(body.transactionId);
    }
    return {};
  }

  private abortTransaction(body: Body): Body {
    try {
      this.txs.get(body.transactionId);
    } catch (e) {
      // Aborting a transaction that already lost a conflict is fine.
      if (!(e instanceof DbError && e.code === ErrorCode.TransactionConflict)) throw e;
    }
    this.txs.discard(body.transactionId);
    return {};
  }

  // --- helpers -----------------------------------------------------------------------------

  private transactionOf(body: Body): Transaction | undefined {
    const id = body.transactionId;
    if (id === undefined || id === null || id === '') return undefined;
    return this.txs.get(id);
  }

  /** Locks the document for `tx` and returns it as `tx` sees it: staged version, else committed. */
  private readForUpdate(tx: Transaction, coll: CollectionMeta, id: DocId): Doc | undefined {
    this.txs.lock(tx, coll.name, id);
    const staged = tx.staged.get(coll.name)?.get(idKey(id));
    if (staged) return staged.text === null ? undefined : parseStoredDoc(staged.text);
    return this.store.findById(coll, id)?.doc;
  }

  /** Stages writes into `tx`; undoes them if they could not commit (e.g. a unique index). */
  private stage(tx: Transaction, coll: CollectionMeta, write: (overlay: Overlay) => void): void {
    let overlay = tx.staged.get(coll.name);
    if (!overlay) {
      overlay = new Map();
      tx.staged.set(coll.name, overlay);
    }
    const before = new Map(overlay);
    try {
      write(overlay);
      trialApply(this.store, tx);
    } catch (e) {
      overlay.clear();
      for (const [k, v] of before) overlay.set(k, v);
      throw e;
    }
  }

  private allDocs(name: string): Doc[] {
    let coll: CollectionMeta;
    try {
      coll = this.store.collection(name);
    } catch {
      return [];
    }
    return matchingRows(reader(this.store, coll, {})).map((r) => r.doc);
  }
}

function filterParam(body: Body, now: number): Doc {
  if (body.query === undefined || body.query === '') return {};
  return parseWireObject(body.query, 'query', now);
}

/** The `_id` of a DOC query (`doc(id)`), validating its shape; undefined for a WHERE query. */
function docIdOf(body: Body, filter: Doc): DocId | undefined {
  if (body.queryType !== 'DOC') return undefined;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') throw invalidParam('a DOC query must be {_id: <id>}');
  return assertDocId(filter._id, 'query');
}

function orderParam(body: Body, now: number): SortSpec | undefined {
  if (body.order === undefined || body.order === '') return undefined;
  const order = parseWireValue(body.order, 'order', now);
  // Older SDKs send [{field, direction}].
  const entries: Array<[string, unknown]> = Array.isArray(order)
    ? order.map((o: unknown) => (isPlainObject(o) ? [String(o.field), o.direction] : ['', undefined]))
    : isPlainObject(order)
      ? Object.entries(order)
      : [];
  if (!Array.isArray(order) && !isPlainObject(order)) throw invalidParam('order must be an object like {"field": 1 | -1}');
  return entries.map(([field, dir]) => {
    if (!field) throw invalidParam('order has an empty field name');
    if (dir === 1 || dir === 'asc') return [field, 1];
    if (dir === -1 || dir === 'desc') return [field, -1];
    throw invalidParam(`order direction for '${field}' must be 1 or -1`);
  });
}

function intParam(body: Body, key: string, fallback: number): number {
  const v = body[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalidParam(`${key} must be a non-negative integer`);
  return v;
}

function boolParam(body: Body, key: string, fallback: boolean): boolean {
  const v = body[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw invalidParam(`${key} must be a boolean`);
  return v;
}
