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
