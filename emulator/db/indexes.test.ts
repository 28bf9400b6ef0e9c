/** Declared indexes are used (no full scans for indexed filters) and never change query results. */
import { EJSON } from 'bson';
import type { CollectionSpec } from './spec';
import type { DbService } from './index';
import { openTestDatabase, SdkDatabase, TestDatabase } from './testServer';

const SPECS: CollectionSpec[] = [
  {
    name: 'appeals',
    indexes: [
      { name: 'grid', keys: { gridId: 1 } },
      { name: 'created', keys: { createdAt: -1 } },
      { name: 'inbox', keys: { communityId: 1, status: 1, createdAt: -1 } },
    ],
  },
  { name: 'users', indexes: [{ name: 'roles', keys: { roles: 1 } }] },
  {
    name: 'mixedIndexed',
    indexes: [
      { name: 'v', keys: { v: 1 } },
      { name: 'ox', keys: { 'o.x': 1 } },
      { name: 's', keys: { s: 1 } },
      { name: 'as', keys: { a: 1, s: -1 } },
    ],
  },
  { name: 'mixedPlain', indexes: [] },
];

let t: TestDatabase;
let db: DbService;
let d: SdkDatabase;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

beforeAll(async () => {
  t = await openTestDatabase({ collections: SPECS });
  ({ db, d } = t);
  const appeals = Array.from({ length: 3000 }, (_, i) => ({
    _id: `ap${String(i).padStart(5, '0')}`,
    gridId: `g${i % 30}`,
    communityId: `c${i % 10}`,
    status: ['new', 'claimed', 'resolved'][i % 3],
    createdAt: new Date(T0 + (i % 1000) * DAY),
    n: i,
  }));
  for (let i = 0; i < appeals.length; i += 500) await d.collection('appeals').add(appeals.slice(i, i + 500));
});

afterAll(() => t.close());

/** Runs `fn` and returns how many documents it read from SQLite and how many full scans it made. */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; docsRead: number; fullScans: number }> {
  const before = db.stats();
  const result = await fn();
  const after = db.stats();
  return { result, docsRead: after.docsRead - before.docsRead, fullScans: after.fullScans - before.fullScans };
}

describe('index use', () => {
  it('answers an indexed equality query without scanning the collection', async () => {
    const { result, docsRead, fullScans } = await measure(() => d.collection('appeals').where({ gridId: 'g7' }).limit(1000).get());
    expect(result.data).toHaveLength(100);
    expect(docsRead).toBe(100);
    expect(fullScans).toBe(0);
    const plan = db.explain('appeals', { gridId: 'g7' });
    expect(plan.plan).toBe('IXSCAN grid (gridId)');
    expect(plan.sqlitePlan.join('\n')).toContain('USING COVERING INDEX idx:appeals:grid/keys (k0=?)');
    expect(plan.sqlitePlan.some((line) => line.startsWith('SCAN'))).toBe(false);
  });

  it('scans when no index applies (the contrast)', async () => {
    const { result, docsRead, fullScans } = await measure(() => d.collection('appeals').where({ n: 5 }).get());
    expect(result.data).toHaveLength(1);
    expect(fullScans).toBe(1);
    expect(docsRead).toBe(3000);
    expect(db.explain('appeals', { n: 5 }).plan).toBe('COLLSCAN');
  });

  it('uses an index for date ranges, and counts from the index alone', async () => {
    const _ = d.command;
    const where = { createdAt: _.gte(new Date(T0 + 10 * DAY)).and(_.lt(new Date(T0 + 20 * DAY))) };
    const { result, docsRead, fullScans } = await measure(() => d.collection('appeals').where(where).limit(1000).get());
    expect(result.data).toHaveLength(30);
    expect(docsRead).toBe(30);
    expect(fullScans).toBe(0);
    const count = await measure(() => d.collection('appeals').where({ createdAt: _.gte(new Date(T0 + 500 * DAY)) }).count());
    expect(count.result.total).toBe(1500);
    expect(count.docsRead).toBe(0);
  });

  it('uses compound indexes by prefix, with $in', async () => {
    const _ = d.command;
    const { result, docsRead } = await measure(() =>
      d.collection('appeals').where({ communityId: 'c3', status: _.in(['new', 'claimed']) }).limit(1000).get(),
    );
    expect(result.data).toHaveLength(200);
    expect(docsRead).toBe(200);
    expect(db.explain('appeals', { communityId: 'c3', status: { $in: ['new', 'claimed'] } }).sqlitePlan.join('\n')).toMatch(
      /idx:appeals:inbox\/keys \(k0=\? AND k1=\?\)/,
    );
    expect(db.explain('appeals', { communityId: 'c3' }).plan).toBe('IXSCAN inbox (communityId)');
    // Not a prefix of the compound index, and no other index: a scan.
    expect(db.explain('appeals', { status: 'new' }).plan).toBe('COLLSCAN');
  });

  it('reads orderBy + limit in index order, returning what a full sort returns', async () => {
    const { result, docsRead } = await measure(() =>
      d.collection('appeals').where({ communityId: 'c4', status: 'resolved' }).orderBy('createdAt', 'desc').limit(5).get(),
    );
    expect(docsRead).toBeLessThanOrEqual(10);
    const all = (await d.collection('appeals').where({ communityId: 'c4', status: 'resolved' }).limit(1000).get()).data;
    const expected = [...all].sort((a, b) => b.createdAt - a.createdAt || a.n - b.n).slice(0, 5);
    expect(result.data.map((x: { _id: string }) => x._id)).toEqual(expected.map((x: { _id: string }) => x._id));

    const latest = await measure(() => d.collection('appeals').orderBy('createdAt', 'desc').skip(3).limit(4).get());
    expect(latest.docsRead).toBeLessThanOrEqual(3 + 4 + 3); // the last tie group (3 appeals per day) at most
    expect(latest.result.data.map((x: { n: number }) => x.n)).toEqual([998, 1998, 2998, 997]);
  });

  it('indexes array elements (multikey) and keeps range semantics on arrays', async () => {
    const _ = d.command;
    await d.collection('users').add([
      { _id: 'u1', roles: ['resident'], scores: [1, 20] },
      { _id: 'u2', roles: ['grid', 'party'] },
      { _id: 'u3', roles: 'grid' },
      { _id: 'u4' },
    ]);
    const { result, fullScans } = await measure(() => d.collection('users').where({ roles: 'grid' }).get());
    expect(result.data.map((u: { _id: string }) => u._id)).toEqual(['u2', 'u3']);
    expect(fullScans).toBe(0);
    expect((await d.collection('users').where({ roles: _.in(['party', 'resident']) }).get()).data.map((u: { _id: string }) => u._id)).toEqual([
      'u1',
      'u2',
    ]);
    // Different elements may satisfy the two bounds (MongoDB semantics): u2 by 'party' > 'h' and 'grid' < 'i',
    // although no single role lies between 'h' and 'i'.
    expect((await d.collection('users').where({ roles: _.gt('h').and(_.lt('i')) }).get()).data.map((u: { _id: string }) => u._id)).toEqual(['u2']);
    expect((await d.collection('users').where({ roles: _.gt('grid').and(_.lt('p')) }).count()).total).toBe(1);
    expect((await d.collection('users').where({ roles: null }).get()).data.map((u: { _id: string }) => u._id)).toEqual(['u4']);
  });
});

describe('indexed and unindexed collections give the same answers', () => {
  // A deterministic mix of types, nulls, missing fields, arrays and nested paths.
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const values: unknown[] = [0, 1, 2, 5, 7.5, -3, 'a', 'b', 'abc', 'z', '', true, false, null, new Date(T0), new Date(T0 + DAY), [1, 5], ['a', 7], []];
  const scalars = values.filter((v) => !Array.isArray(v));
  const pick = (): unknown => values[rand(values.length)];
  const docs = Array.from({ length: 400 }, (_, i) => {
    const doc: Record<string, unknown> = { _id: `m${i}`, i };
    if (rand(6) > 0) doc.v = pick();
    // `s` never holds an array, so its indexes can return sorted reads.
    if (rand(6) > 0) doc.s = scalars[rand(scalars.length)];
    if (rand(4) > 0) doc.a = ['x', 'y', null][rand(3)];
    if (rand(3) > 0) doc.o = rand(4) === 0 ? [{ x: pick() }, { x: pick() }] : { x: pick() };
    return doc;
  });

  beforeAll(async () => {
    for (const name of ['mixedIndexed', 'mixedPlain']) {
      const res = await db.handle({ action: 'database.insertDocument', collectionName: name, data: docs.map((x) => EJSON.stringify(x, { relaxed: false })) });
      expect(res.code).toBeUndefined();
    }
  });

  const queries: Array<Record<string, unknown>> = [
    { v: 5 },
    { v: 'a' },
    { v: null },
    { v: true },
    { v: new Date(T0) },
    { v: { $in: [1, 'b', null, false] } },
    { v: { $gt: 1 } },
    { v: { $gte: 1, $lt: 7 } },
    { v: { $lte: 'b' } },
    { v: { $gt: '' } },
    { v: { $gt: new Date(T0 - 1) } },
    { v: { $lt: new Date(T0 + DAY) } },
    { v: { $gte: false } },
    { v: { $gt: 0 }, a: 'x' },
    { a: 'y', v: { $in: [5, 'a'] } },
    { a: null },
    { a: { $in: ['x', null] }, v: { $lte: 5 } },
    { $and: [{ v: { $gt: 0 } }, { v: { $lt: 6 } }] },
    { 'o.x': 5 },
    { 'o.x': { $gte: 'a' } },
    { 'o.x': null },
    { v: { $in: [] } },
    { v: { $ne: null, $gt: -10 } },
    { s: { $gte: 2, $lte: 7.5 } },
    { s: { $gt: 'a', $lt: 'z' } },
    { a: 'x', s: { $gte: new Date(T0) } },
  ];

  const run = async (collectionName: string, query: Record<string, unknown>, order?: Record<string, number>, limit = 1000): Promise<unknown[]> => {
    const res = await db.handle({
      action: 'database.getDocument',
      collectionName,
      queryType: 'WHERE',
      query: EJSON.stringify(query, { relaxed: false }),
      ...(order ? { order: JSON.stringify(order) } : {}),
      limit,
    });
    expect(res.code).toBeUndefined();
    return ((res.data as { list: string[] }).list).map((s) => (EJSON.parse(s) as { _id: string })._id);
  };

  it.each(queries.map((q) => [EJSON.stringify(q), q]))('%s', async (_label, query) => {
    const plain = await run('mixedPlain', query);
    const indexed = await run('mixedIndexed', query);
    expect(indexed).toEqual(plain);
  });

  it.each([
    [{ v: 1 }, 7],
    [{ v: -1 }, 150],
    [{ s: 1 }, 7],
    [{ s: -1 }, 7],
    [{ s: 1 }, 150],
    [{ s: -1 }, 399],
  ] as Array<[Record<string, 1 | -1>, number]>)('sorted %j limit %d', async (order, limit) => {
    const plain = await run('mixedPlain', {}, order, limit);
    const indexed = await run('mixedIndexed', {}, order, limit);
    expect(indexed).toEqual(plain);
  });

  it('sorts by the compound index after an equality prefix', async () => {
    expect(db.explain('mixedIndexed', { a: 'x' }, { s: -1 }).plan).toBe('IXSCAN as sorted (a, s)');
    expect(db.explain('mixedIndexed', {}, { s: 1 }).plan).toBe('IXSCAN s sorted (s)');
    // `v` holds arrays: sorting by it cannot follow the index.
    expect(db.explain('mixedIndexed', {}, { v: 1 }).plan).toBe('COLLSCAN');
    for (const limit of [3, 40]) {
      expect(await run('mixedIndexed', { a: 'x' }, { s: -1 }, limit)).toEqual(await run('mixedPlain', { a: 'x' }, { s: -1 }, limit));
      expect(await run('mixedIndexed', { a: 'y' }, { s: 1 }, limit)).toEqual(await run('mixedPlain', { a: 'y' }, { s: 1 }, limit));
      expect(await run('mixedIndexed', { a: null, s: { $gt: 0 } }, { s: 1 }, limit)).toEqual(
        await run('mixedPlain', { a: null, s: { $gt: 0 } }, { s: 1 }, limit),
      );
    }
  });
});
