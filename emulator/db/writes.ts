/** Document writes. Update semantics are mingo's; each request runs in one SQLite transaction. */
import { update } from 'mingo';
import type { Modifier } from 'mingo/updater';
import { invalidParam } from './errors';
import { matchingRows, reader, withMingo } from './reads';
import type { CollectionMeta, Store, StoredRow } from './store';
import { assertDocId, assertStorableDoc, Doc, DocId, isPlainObject, newDocId, stringifyDoc } from './values';

export interface ModifySpec {
  filter: Doc;
  data: Doc;
  multi: boolean;
  /** true: `data` holds update operators (plain fields mean `$set`); false: `data` replaces the document. */
  merge: boolean;
  upsert: boolean;
}

export interface WriteResult {
  /** Documents actually modified (MongoDB's nModified). */
  count: number;
  upsertId?: DocId;
  /** Ids written, for transaction conflict detection. */
  touched: DocId[];
  /** The new version of the last modified document. */
  doc?: Doc;
}

/** Prepares a document for insertion: validates it and gives it an `_id` if it has none. */
export function prepareInsert(doc: Doc, now: number, what: string): Doc {
  assertStorableDoc(doc, what);
  const id = doc._id === undefined ? newDocId(now) : assertDocId(doc._id, what);
  return { _id: id, ...doc };
}

/** Returns the modified document, or undefined when the modification changes nothing. */
export function modifiedDoc(current: Doc, currentText: string, spec: ModifySpec): Doc | undefined {
  const id = current._id as DocId;
  let next: Doc;
  if (spec.merge) {
    next = current;
    const changed = withMingo('invalid update', () => update(next, toModifier(spec.data)));
    if (changed.length === 0) return undefined;
    if (next._id !== id) throw invalidParam("update would modify the immutable field '_id'");
  } else {
    next = replacement(id, spec.data);
  }
  assertStorableDoc(next, 'data');
  return stringifyDoc(next) === currentText ? undefined : next;
}

/** The document an upsert inserts when nothing matched. */
export function upsertDoc(spec: ModifySpec, now: number): Doc {
  const filterId = spec.filter._id;
  const id = filterId === undefined ? newDocId(now) : assertDocId(filterId, 'query');
  if (!spec.merge) return replacement(id, spec.data);
  // As MongoDB: start from the query's equality fields, then apply the update.
  const equalities: Doc = {};
  for (const [k, v] of Object.entries(spec.filter)) {
    if (k.startsWith('$')) continue;
    if (isPlainObject(v) && Object.keys(v).some((op) => op.startsWith('$'))) {
      if ('$eq' in v) equalities[k] = v.$eq;
    } else if (!(v instanceof RegExp)) {
      equalities[k] = v;
    }
  }
  const doc: Doc = { _id: id };
  withMingo('invalid upsert', () => {
    update(doc, { $set: equalities });
    update(doc, toModifier(spec.data));
  });
  if (doc._id !== id) throw invalidParam("update would modify the immutable field '_id'");
  assertStorableDoc(doc, 'data');
  return doc;
}

function replacement(id: DocId, data: Doc): Doc {
  if (Object.keys(data).some((k) => k.startsWith('$'))) {
    throw invalidParam('a replacement document must not contain update operators');
  }
  if (data._id !== undefined && data._id !== id) throw invalidParam("replacement would modify the immutable field '_id'");
  const { _id: _ignored, ...fields } = data;
  return { _id: id, ...fields };
}

function toModifier(data: Doc): Modifier<Doc> {
  const keys = Object.keys(data);
  if (keys.length === 0) throw invalidParam('update data must not be empty');
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length === keys.length) return data as Modifier<Doc>;
  if (operators.length === 0) return { $set: data };
  throw invalidParam('update data must not mix update operators and plain fields');
}

export function insertDocs(store: Store, coll: CollectionMeta, docs: Doc[]): void {
  store.sql.transaction(() => {
    for (const doc of docs) store.insertDoc(coll, doc);
  })();
}

export function modifyDocs(store: Store, coll: CollectionMeta, spec: ModifySpec, now: number): WriteResult {
  if (spec.multi && !spec.merge) throw invalidParam('a replacement cannot be applied to multiple documents (multi: true, merge: false)');
  return store.sql.transaction((): WriteResult => {
    const rows = matchingRows(reader(store, coll, spec.filter), spec.multi ? Infinity : 1);
    const result: WriteResult = { count: 0, touched: [] };
    for (const row of rows) {
      const next = modifiedDoc(row.doc, row.text, spec);
      if (!next) continue;
      store.replaceDoc(coll, row, next);
      result.count++;
      result.touched.push(next._id as DocId);
      result.doc = next;
    }
    if (rows.length === 0 && spec.upsert) {
      const doc = upsertDoc(spec, now);
      store.insertDoc(coll, doc);
      result.upsertId = doc._id as DocId;
      result.touched.push(result.upsertId);
      result.doc = doc;
    }
    return result;
  })();
}

export function removeDocs(store: Store, coll: CollectionMeta, filter: Doc, multi: boolean): WriteResult {
  return store.sql.transaction((): WriteResult => {
    const rows: StoredRow[] = matchingRows(reader(store, coll, filter), multi ? Infinity : 1);
    for (const row of rows) store.deleteDoc(coll, row);
    return { count: rows.length, touched: rows.map((r) => r.doc._id as DocId) };
  })();
}
