import { EJSON } from 'bson';

/** What the bridge needs of the database service: one SDK request body in, one response body out. */
export interface DbHandler {
  handle(body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export type Doc = Record<string, unknown>;

/**
 * Reads documents through the same wire protocol the SDK uses (`database.getDocument`).
 * A missing collection reads as empty.
 */
export async function findDocuments(
  db: DbHandler,
  env: string,
  collectionName: string,
  query: Record<string, unknown>,
  options: { order?: Record<string, 1 | -1>; limit?: number } = {},
): Promise<Doc[]> {
  const body: Record<string, unknown> = {
    action: 'database.getDocument',
    envName: env,
    collectionName,
    query: EJSON.stringify(query, { relaxed: false }),
    limit: options.limit ?? 100,
  };
  if (options.order) body.order = EJSON.stringify(options.order, { relaxed: false });
  const response = await db.handle(body);
  if (response.code) {
    if (response.code === 'DATABASE_COLLECTION_NOT_EXIST') return [];
    throw new Error(`${String(response.code)}: ${String(response.message ?? '')}`);
  }
  // Documents come back as EJSON strings, as the SDK receives them.
  const data = response.data as { list?: string[] } | undefined;
  return (data?.list ?? []).map((item) => EJSON.parse(item, { relaxed: true }) as Doc);
}

export async function findById(db: DbHandler, env: string, collectionName: string, id: string): Promise<Doc | null> {
  const [doc] = await findDocuments(db, env, collectionName, { _id: id }, { limit: 1 });
  return doc ?? null;
}

/** A client query with the string `'{openid}'` replaced by the caller's openid, as the client SDK does. */
export function withOpenid(query: Record<string, unknown>, openid: string): Record<string, unknown> {
  const replace = (value: unknown): unknown => {
    if (value === '{openid}') return openid;
    if (Array.isArray(value)) return value.map(replace);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  return replace(query) as Record<string, unknown>;
}

/**
 * The fields a query fixes to one value (`{a: 1}`, `{a: {$eq: 1}}`, `{'a.b': 1}`, nested objects),
 * as a document: what a security rule's `doc` sees for a read.
 */
export function equalityView(query: Record<string, unknown>): Doc {
  const view: Doc = {};
  const set = (path: string[], value: unknown) => {
    let target = view;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Doc;
    }
    target[path[path.length - 1]] = value;
  };
  const walk = (conditions: Record<string, unknown>, prefix: string[]) => {
    for (const [key, value] of Object.entries(conditions)) {
      if (key.startsWith('$')) continue;
      const path = [...prefix, ...key.split('.')];
      if (value === null || typeof value !== 'object') set(path, value);
      else if (!Array.isArray(value)) {
        const entries = Object.entries(value);
        if (entries.length === 1 && entries[0][0] === '$eq' && (entries[0][1] === null || typeof entries[0][1] !== 'object')) set(path, entries[0][1]);
        else if (entries.every(([k]) => !k.startsWith('$'))) walk(value as Record<string, unknown>, path);
      }
    }
  };
  walk(query, []);
  return view;
}
