/**
 * Index keys: the values a document contributes to an index, encoded as SQLite values whose SQLite
 * order follows MongoDB's type brackets: NULL (null / missing) < numbers < TEXT (strings) < BLOB
 * (tagged: NaN, objects, booleans, dates; booleans before dates as in MongoDB).
 *
 * Arrays are multikey: every element contributes a key, as in MongoDB. Keys are only used to pick
 * candidate documents; mingo then applies the full query, so extraction errs on the side of more keys.
 */
import { EJSON } from 'bson';
import { isPlainObject } from './values';

export type SqlValue = null | number | string | Buffer;

const Tag = { NaN: 0x01, Object: 0x03, Boolean: 0x08, Date: 0x09 } as const;
const SIGN_BIT = BigInt(1) << BigInt(63);

/** Encodes a query value, or returns undefined when the value cannot be looked up in an index. */
export function encodeQueryValue(v: unknown): SqlValue | undefined {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return Buffer.from([Tag.Boolean, v ? 1 : 0]);
  if (v instanceof Date) return dateKey(v);
  return undefined;
}

function encodeStoredValue(v: unknown): SqlValue {
  const key = encodeQueryValue(v);
  if (key !== undefined) return key;
  if (typeof v === 'number') return Buffer.from([Tag.NaN]);
  // Objects and other BSON values: opaque but stable, so unique indexes still compare them.
  return Buffer.concat([Buffer.from([Tag.Object]), Buffer.from(EJSON.stringify(v, { relaxed: false }))]);
}

function dateKey(d: Date): Buffer {
  const buf = Buffer.alloc(9);
  buf[0] = Tag.Date;
  // Flip the sign bit so that byte order equals numeric order.
  buf.writeBigUInt64BE(BigInt(d.getTime()) + SIGN_BIT, 1);
  return buf;
}

/** A stored key in readable form, for error messages (objects as their EJSON text). */
export function describeKey(key: SqlValue): unknown {
  if (!Buffer.isBuffer(key)) return key;
  if (key[0] === Tag.Boolean) return key[1] === 1;
  if (key[0] === Tag.Date) return new Date(Number(key.readBigUInt64BE(1) - SIGN_BIT)).toISOString();
  return key.subarray(1).toString();
}

/** Bounds of the type bracket of a range-query value: `low` inclusive, `high` exclusive. */
export function typeBracket(key: SqlValue): { low?: SqlValue; high?: SqlValue } {
  if (typeof key === 'number') return { high: '' };
  if (typeof key === 'string') return { low: '', high: Buffer.alloc(0) };
  if (Buffer.isBuffer(key) && key.length > 0) {
    return { low: Buffer.from([key[0]]), high: Buffer.from([key[0] + 1]) };
  }
  return {};
}

/** Range queries on these keys compare in SQLite exactly as mingo compares them. */
export function isExactRangeKey(key: SqlValue): boolean {
  return typeof key === 'number' || (Buffer.isBuffer(key) && key[0] === Tag.Date);
}

export interface FieldKeys {
  keys: SqlValue[];
  /** An array was met on the path: the index is multikey. */
  fromArray: boolean;
}

/** Keys one document contributes for one field path (dot notation). */
export function fieldKeys(doc: unknown, path: string): FieldKeys {
  const segments = path.split('.');
  const out: SqlValue[] = [];
  const state = { fromArray: false };

  const emitLeaf = (v: unknown): void => {
    if (Array.isArray(v)) {
      state.fromArray = true;
      for (const el of v) emitLeaf(el);
    } else {
      out.push(v === undefined ? null : encodeStoredValue(v));
    }
  };
  const walk = (v: unknown, i: number): void => {
    if (i === segments.length) return emitLeaf(v);
    const seg = segments[i];
    if (Array.isArray(v)) {
      state.fromArray = true;
      if (/^\d+$/.test(seg)) walk(v[Number(seg)], i + 1);
      for (const el of v) walk(el, i);
      return;
    }
    if (isPlainObject(v)) return walk(v[seg], i + 1);
    out.push(null);
  };
  walk(doc, 0);
  return { keys: out, fromArray: state.fromArray };
}

const MAX_KEYS_PER_DOC = 10_000;

/** Distinct key tuples of one document for a (compound) index. */
export function indexEntries(doc: unknown, paths: string[]): { tuples: SqlValue[][]; fromArray: boolean } {
  let tuples: SqlValue[][] = [[]];
  let fromArray = false;
  for (const path of paths) {
    const fk = fieldKeys(doc, path);
    fromArray ||= fk.fromArray;
    const next: SqlValue[][] = [];
    for (const t of tuples) for (const k of fk.keys) next.push([...t, k]);
    if (next.length > MAX_KEYS_PER_DOC) {
      throw new RangeError(`document produces more than ${MAX_KEYS_PER_DOC} keys for index on ${paths.join(', ')}`);
    }
    tuples = next;
  }
  const seen = new Set<string>();
  return {
    tuples: tuples.filter((t) => {
      const id = tupleId(t);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    }),
    fromArray,
  };
}

export function tupleId(t: SqlValue[]): string {
  return t
    .map((v) => {
      if (v === null) return 'n';
      if (typeof v === 'number') return `d${v}`;
      if (typeof v === 'string') return `s${v.length}:${v}`;
      return `b${v.toString('hex')}`;
    })
    .join('|');
}
