/** Conformance: the real @cloudbase/node-sdk against the local database over HTTP. */
import type { CollectionSpec } from './spec';
import type { DbService } from './index';
import { openTestDatabase, rejection, SdkDatabase, TestDatabase, TestServer } from './testServer';

const SPECS: CollectionSpec[] = [
  { name: 'codes', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }] },
  { name: 'items', indexes: [{ name: 'group', keys: { group: 1 } }] },
];

let t: TestDatabase;
let db: DbService;
let server: TestServer;
let d: SdkDatabase;
let collections = 0;

/** A fresh, empty collection for one test. */
async function fresh(): Promise<string> {
  const name = `t${++collections}`;
  await d.createCollection(name);
  return name;
}

async function fill(name: string, n: number, make: (i: number) => Record<string, unknown> = (i) => ({ i })): Promise<void> {
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, k) => make(start + k));
    await d.collection(name).add(batch);
  }
}

beforeAll(async () => {
  t = await openTestDatabase({ collections: SPECS });
  ({ db, server, d } = t);
});

afterAll(() => t.close());

describe('collections', () => {
  it('creates declared collections at open', async () => {
    expect((await d.collection('codes').count()).total).toBe(0);
    expect((await d.collection('items').get()).data).toEqual([]);
  });

  it('creates a collection with createCollection and refuses to create it twice', async () => {
    await expect(d.collection('created').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await d.createCollection('created');
    expect((await d.collection('created').get()).data).toEqual([]);
    const err = await rejection(d.createCollection('created'));
    expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });

  it('fails every operation on a missing collection with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = d.collection('missing');
    for (const call of [
      () => missing.get(),
      () => missing.where({ a: 1 }).count(),
      () => missing.add({ a: 1 }),
      () => missing.doc('x').get(),
      () => missing.where({ a: 1 }).update({ b: 1 }),
      () => missing.doc('x').remove(),
      () => missing.aggregate().match({ a: 1 }).end(),
    ]) {
      const err = await rejection(call());
      expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
      expect(err.message).toContain("'missing'");
    }
  });
});

describe('add and get', () => {
  it('adds one document and returns a 32-hex id; doc().get() returns an array', async () => {
    const name = await fresh();
    const res = await d.collection(name).add({ title: 'hello', n: 1.5, nested: { a: [1, 'x', null] } });
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);
    const got = await d.collection(name).doc(res.id!).get();
    expect(Array.isArray(got.data)).toBe(true);
    expect(got.data).toEqual([{ _id: res.id, title: 'hello', n: 1.5, nested: { a: [1, 'x', null] } }]);
    expect((await d.collection(name).doc('nope').get()).data).toEqual([]);
  });

  it('adds several documents in one call, keeping given ids', async () => {
    const name = await fresh();
    const res = await d.collection(name).add([{ _id: 'a', v: 1 }, { v: 2 }, { _id: 7, v: 3 }]);
    expect(res.ids).toHaveLength(3);
    expect(res.ids![0]).toBe('a');
    expect(res.ids![2]).toBe(7);
    expect((await d.collection(name).doc(7).get()).data).toEqual([{ _id: 7, v: 3 }]);
  });

  it('rejects a duplicate _id with DATABASE_DUPLICATE_WRITE', async () => {
    const name = await fresh();
    await d.collection(name).add({ _id: 'same', v: 1 });
    const err = await rejection(d.collection(name).add({ _id: 'same', v: 2 }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(err.message).toContain('"same"');
    expect((await d.collection(name).doc('same').get()).data).toEqual([{ _id: 'same', v: 1 }]);
  });

  it('rejects a unique-index duplicate on insert and on update, leaving data unchanged', async () => {
    await d.collection('codes').add({ _id: 'c1', code: 'B-1' });
    await d.collection('codes').add({ _id: 'c2', code: 'B-2' });
    const err = await rejection(d.collection('codes').add({ code: 'B-1' }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(err.message).toMatch(/unique index 'code'.*B-1/);
    const err2 = await rejection(d.collection('codes').doc('c2').update({ code: 'B-1' }));
    expect(err2.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await d.collection('codes').doc('c2').get()).data[0].code).toBe('B-2');
    // Documents without the field (or with null) never collide.
    await d.collection('codes').add([{ other: 1 }, { other: 2 }, { code: null }, { code: null }]);
    expect((await d.collection('codes').where({ code: null }).count()).total).toBe(4);
  });

  it('round-trips dates as Date and fills db.serverDate() on the server', async () => {
    const name = await fresh();
    const when = new Date('2024-05-01T08:30:00.123Z');
    const before = Date.now();
    const { id } = await d.collection(name).add({ when, at: d.serverDate(), later: d.serverDate({ offset: 60_000 }), list: [when] });
    const after = Date.now();
    const [doc] = (await d.collection(name).doc(id!).get()).data;
    expect(doc.when).toBeInstanceOf(Date);
    expect(doc.when.getTime()).toBe(when.getTime());
    expect(doc.list[0]).toBeInstanceOf(Date);
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(doc.at.getTime()).toBeLessThanOrEqual(after);
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
    const _ = d.command;
    const hits = await d.collection(name).where({ when: _.gte(new Date('2024-05-01')).and(_.lt(new Date('2024-05-02'))) }).get();
    expect(hits.data).toHaveLength(1);
    // serverDate in a query and in an update
    expect((await d.collection(name).where({ at: _.lte(d.serverDate()) }).count()).total).toBe(1);
    await d.collection(name).doc(id!).update({ touched: d.serverDate() });
    expect((await d.collection(name).doc(id!).get()).data[0].touched).toBeInstanceOf(Date);
  });
});

describe('get limits, order, skip, projection, count', () => {
  let name: string;
  beforeAll(async () => {
    name = await fresh();
    await fill(name, 1200, (i) => ({ i, even: i % 2 === 0, tag: `t${i % 3}` }));
  });

  it('returns 100 documents when no limit is set', async () => {
    expect((await d.collection(name).get()).data).toHaveLength(100);
    expect((await d.collection(name).where({ even: true }).get()).data).toHaveLength(100);
  });

  it('never returns more than 1000 documents', async () => {
    expect((await d.collection(name).limit(5000).get()).data).toHaveLength(1000);
    const res = await db.handle({ action: 'database.getDocument', collectionName: name, queryType: 'WHERE', limit: 5000 });
    expect(((res.data as { list: unknown[] }).list).length).toBe(1000);
  });

  it('returns documents in insertion order by default, with skip and limit', async () => {
    const res = await d.collection(name).skip(10).limit(3).get();
    expect(res.data.map((x: { i: number }) => x.i)).toEqual([10, 11, 12]);
  });

  it('orders by several fields (chained orderBy), ascending and descending', async () => {
    const res = await d.collection(name).orderBy('tag', 'desc').orderBy('i', 'asc').limit(3).get();
    expect(res.data.map((x: { tag: string; i: number }) => [x.tag, x.i])).toEqual([
      ['t2', 2],
      ['t2', 5],
      ['t2', 8],
    ]);
  });

  it('projects fields with field(), keeping _id', async () => {
    const res = await d.collection(name).where({ i: 3 }).field({ tag: true }).get();
    expect(res.data).toEqual([{ _id: expect.any(String), tag: 't0' }]);
    const [doc] = (await d.collection(name).where({ i: 4 }).field({ even: false, _id: false }).get()).data;
    expect(doc).toEqual({ i: 4, tag: 't1' });
  });

  it('counts all matches, not limited to 100', async () => {
    expect((await d.collection(name).count()).total).toBe(1200);
    expect((await d.collection(name).where({ even: true }).count()).total).toBe(600);
  });

  it('supports query commands', async () => {
    const _ = d.command;
    const c = d.collection(name);
    expect((await c.where({ i: _.in([1, 2, 3]) }).count()).total).toBe(3);
    expect((await c.where({ i: _.lt(10).and(_.nin([1, 2])) }).count()).total).toBe(8);
    expect((await c.where(_.or([{ i: 1 }, { i: 1199 }])).count()).total).toBe(2);
    expect((await c.where({ tag: d.RegExp({ regexp: '^T2$', options: 'i' }) }).count()).total).toBe(400);
    expect((await c.where({ tag: /^t1/ }).count()).total).toBe(400);
    expect((await c.where({ missing: _.exists(false), i: _.neq(0).and(_.lte(2)) }).count()).total).toBe(2);
  });
});

describe('update', () => {
  it('counts modified documents, not matched ones', async () => {
    const name = await fresh();
    await d.collection(name).add([{ g: 1, v: 'x' }, { g: 1, v: 'y' }, { g: 1, v: 'x' }, { g: 2, v: 'y' }]);
    expect((await d.collection(name).where({ g: 1 }).update({ v: 'x' })).updated).toBe(1);
    expect((await d.collection(name).where({ g: 1 }).update({ v: 'x' })).updated).toBe(0);
    expect((await d.collection(name).where({ g: 1 }).count()).total).toBe(3);
  });

  it('merges nested objects, replaces them with _.set, and applies update commands', async () => {
    const name = await fresh();
    const _ = d.command;
    const { id } = await d.collection(name).add({ meta: { a: 1, b: 2 }, n: 1, tags: ['a'], gone: true, sub: { x: 1, y: 2 } });
    const res = await d
      .collection(name)
      .doc(id!)
      .update({ meta: { a: 10 }, n: _.inc(2), tags: _.push('b'), gone: _.remove(), sub: _.set({ z: 3 }) });
    expect(res.updated).toBe(1);
    await d.collection(name).doc(id!).update({ tags: _.addToSet('a') });
    await d.collection(name).doc(id!).update({ tags: _.pull('a'), n: _.mul(10) });
    const [doc] = (await d.collection(name).doc(id!).get()).data;
    expect(doc).toEqual({ _id: id, meta: { a: 10, b: 2 }, n: 30, tags: ['b'], sub: { z: 3 } });
  });

  it('doc().update() on a missing document updates nothing', async () => {
    const name = await fresh();
    expect((await d.collection(name).doc('missing').update({ a: 1 })).updated).toBe(0);
    expect((await d.collection(name).count()).total).toBe(0);
  });

  it('doc().set() upserts, then replaces the whole document', async () => {
    const name = await fresh();
    const first = await d.collection(name).doc('s1').set({ a: 1, b: 2 });
    expect(first).toMatchObject({ updated: 0, upsertedId: 's1' });
    const second = await d.collection(name).doc('s1').set({ c: 3 });
    expect(second.updated).toBe(1);
    expect((await d.collection(name).doc('s1').get()).data).toEqual([{ _id: 's1', c: 3 }]);
    expect((await d.collection(name).doc('s1').set({ c: 3 })).updated).toBe(0);
  });

  it('where().update() updates every match in one go', async () => {
    const name = await fresh();
    await fill(name, 150, (i) => ({ i, flag: false }));
    expect((await d.collection(name).where({ flag: false }).update({ flag: true })).updated).toBe(150);
  });

  it('updateAndReturn returns the new document', async () => {
    const name = await fresh();
    await d.collection(name).add({ _id: 'r', n: 1 });
    const res = await d.collection(name).where({ _id: 'r' }).updateAndReturn({ n: d.command.inc(1) });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'r', n: 2 } });
  });

  it('lets exactly one of many concurrent compare-and-set updates win', async () => {
    const name = await fresh();
    await d.collection(name).add({ _id: 'cas', version: 3 });
    const clients = Array.from({ length: 16 }, () => server.app().database());
    const results = await Promise.all(clients.map((c) => c.collection(name).where({ _id: 'cas', version: 3 }).update({ version: 4 })));
    expect(results.map((r) => r.updated).sort()).toEqual([...Array(15).fill(0), 1]);
    expect((await d.collection(name).doc('cas').get()).data[0].version).toBe(4);
  });
});

describe('remove', () => {
  it('removes one document by id and many by query', async () => {
    const name = await fresh();
    await d.collection(name).add([{ _id: 'a', g: 1 }, { _id: 'b', g: 2 }, { _id: 'c', g: 2 }, { _id: 'd', g: 3 }]);
    expect((await d.collection(name).doc('a').remove()).deleted).toBe(1);
    expect((await d.collection(name).doc('a').remove()).deleted).toBe(0);
    expect((await d.collection(name).where({ g: 2 }).remove()).deleted).toBe(2);
    expect((await d.collection(name).get()).data).toEqual([{ _id: 'd', g: 3 }]);
  });
});

describe('aggregate', () => {
  it('runs match/group/sort/limit and $lookup', async () => {
    await d.collection('items').add([
      { group: 'g1', qty: 2, ownerId: 'o1' },
      { group: 'g1', qty: 3, ownerId: 'o2' },
      { group: 'g2', qty: 10, ownerId: 'o1' },
      { group: 'g3', qty: 1, ownerId: 'o2' },
    ]);
    const res = await d
      .collection('items')
      .aggregate()
      .match({ group: d.command.in(['g1', 'g2']) })
      .group({ _id: '$group', total: { $sum: '$qty' } })
      .sort({ total: -1 })
      .limit(5)
      .end();
    expect(res.data).toEqual([
      { _id: 'g2', total: 10 },
      { _id: 'g1', total: 5 },
    ]);
    const owners = await fresh();
    await d.collection(owners).add([{ _id: 'o1', name: 'Li' }, { _id: 'o2', name: 'Wang' }]);
    const joined = await d
      .collection('items')
      .aggregate()
      .match({ group: 'g3' })
      .lookup({ from: owners, localField: 'ownerId', foreignField: '_id', as: 'owner' })
      .project({ _id: 0, owner: 1 })
      .end();
    expect(joined.data).toEqual([{ owner: [{ _id: 'o2', name: 'Wang' }] }]);
  });
});
