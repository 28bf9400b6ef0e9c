/** Wire and storage encoding of document values: EJSON via bson, plus CloudBase's `$tcb_server_date`. */
import { randomBytes } from 'node:crypto';
import { BSONRegExp, EJSON } from 'bson';
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;
export type DocId = string | number;

const SERVER_DATE = '$tcb_server_date';

export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Parses an EJSON string from a request. Dates become `Date`, `$regularExpression` becomes a JS
 * `RegExp` (what mingo understands), `{$tcb_server_date:{offset}}` becomes the server's time + offset.
 */
export function parseWireValue(text: unknown, what: string, now: number): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`);
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw invalidParam(`${what} is not valid EJSON: ${(e as Error).message}`);
  }
  return normalize(value, what, now);
}

export function parseWireObject(text: unknown, what: string, now: number): Doc {
  const value = parseWireValue(text, what, now);
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`);
  return value;
}

function normalize(v: unknown, what: string, now: number): unknown {
  if (Array.isArray(v)) return v.map((x) => normalize(x, what, now));
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw invalidParam(`${what} contains an invalid date`);
    return v;
  }
  if (v instanceof BSONRegExp) return toRegExp(v, what);
  if (!isPlainObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === SERVER_DATE) return serverDate(v[SERVER_DATE], what, now);
  const out: Doc = {};
  for (const k of keys) out[k] = normalize(v[k], what, now);
  return out;
}

function serverDate(spec: unknown, what: string, now: number): Date {
  const offset = isPlainObject(spec) ? (spec.offset ?? 0) : 0;
  if (typeof offset !== 'number' || !Number.isFinite(offset)) {
    throw invalidParam(`${what}: ${SERVER_DATE}.offset must be a number of milliseconds`);
  }
  return new Date(now + offset);
}

function toRegExp(re: BSONRegExp, what: string): RegExp {
  // JS has no equivalent of 'x' (extended); 'l' (locale) has no effect in JS.
  const flags = [...new Set(re.options.replace(/l/g, ''))].sort().join('');
  if (/[^imsu]/.test(flags)) throw invalidParam(`${what}: unsupported regular expression options '${re.options}'`);
  try {
    return new RegExp(re.pattern, flags);
  } catch (e) {
    throw invalidParam(`${what}: invalid regular expression: ${(e as Error).message}`);
  }
}

/** Rejects field names MongoDB would reject in a stored document. */
export function assertStorableDoc(doc: Doc, what: string): void {
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}.${i}`));
    } else if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        if (k.startsWith('$')) throw invalidParam(`${what}: field name '${path ? `${path}.` : ''}${k}' must not start with '$'`);
        visit(v[k], path ? `${path}.${k}` : k);
      }
    }
  };
  visit(doc, '');
}

export function assertDocId(id: unknown, what: string): DocId {
  if (typeof id === 'string' && id.length > 0) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  throw invalidParam(`${what}: _id must be a non-empty string or a finite number`);
}

/** Storage and response form: relaxed EJSON (plain numbers, `$date` for dates). */
export function stringifyDoc(doc: unknown): string {
  return EJSON.stringify(doc, { relaxed: true });
}

export function parseStoredDoc(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

/** CloudBase-like id: 8 hex chars of seconds, then 24 random hex chars. */
export function newDocId(nowMs: number): string {
  return Math.floor(nowMs / 1000).toString(16).padStart(8, '0').slice(-8) + randomBytes(12).toString('hex');
}
