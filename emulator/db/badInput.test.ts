/** Bad input: clear `{code, message}`, never a crash, never a partial write. */
import type { CollectionSpec } from './spec';
import type { DbService } from './index';
import { openTestDatabase, rejection, resetCollection, SdkDatabase, TestDatabase } from './testServer';

const SPECS: CollectionSpec[] = [{ name: 'things', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }] }];

let t: TestDatabase;
let db: DbService;
let d: SdkDatabase;

beforeAll(async () => {
  t = await openTestDatabase({ collections: SPECS });
  ({ db, d } = t);
});

afterAll(() => t.close());

beforeEach(() =>
  resetCollection(d, 'things', [
    { _id: 't1', code: 'A', n: 1 },
    { _id: 't2', code: 'B', n: 'not a number' },
    { _id: 't3', code: 'C', n: 3 },
  ]),
);

const get = (extra: Record<string, unknown>): Promise<Record<string, unknown>> =>
  db.handle({ action: 'database.getDocument', collectionName: 'things', queryType: 'WHERE', limit: 100, ...extra });

async function snapshot(): Promise<unknown[]> {
  return (await d.collection('things').orderBy('_id', 'asc').get()).data;
}

describe('malformed requests', () => {
  it.each([
    ['a non-object body', null],
    ['an array body', [1, 2]],
    ['a string body', 'database.getDocument'],
    ['no action', {}],
    ['an empty action', { action: '' }],
  ])('answers %s with INVALID_PARAM', async (_label, body) => {
    const res = await db.handle(body as Record<string, unknown>);
    expect(res).toEqual({ code: 'INVALID_PARAM', message: expect.any(String), requestId: expect.any(String) });
  });

  it('answers an unknown action with INVALID_ACTION', async () => {
    const res = await db.handle({ action: 'database.dropEverything' });
    expect(res).toMatchObject({ code: 'INVALID_ACTION', message: "unknown action 'database.dropEverything'" });
    expect((await db.handle({ action: 'toString' })).code).toBe('INVALID_ACTION');
  });

  it('validates parameters', async () => {
    expect((await db.handle({ action: 'database.getDocument' })).code).toBe('INVALID_PARAM');
    expect((await db.handle({ action: 'database.getDocument', collectionName: 'a"b' })).code).toBe('INVALID_PARAM');
    expect((await get({ limit: -1 })).message).toBe('limit must be a non-negative integer');
    expect((await get({ offset: 1.5 })).code).toBe('INVALID_PARAM');
    expect((await get({ order: '{"n":2}' })).message).toMatch(/order direction/);
    expect((await get({ queryType: 'DOC', query: '{"code":"A"}' })).message).toMatch(/DOC query/);
    expect((await db.handle({ action: 'database.insertDocument', collectionName: 'things', data: [] })).code).toBe('INVALID_PARAM');
    expect((await db.handle({ action: 'database.insertDocument', collectionName: 'things', data: ['[1]'] })).message).toMatch(/must be an object/);
    expect((await db.handle({ action: 'database.modifyDocument', collectionName: 'things', query: '{}', data: '{}' })).message).toMatch(/empty/);
    expect((await db.handle({ action: 'database.aggregateDocuments', collectionName: 'things', stages: [{ stageKey: 'match' }] })).code).toBe(
      'INVALID_PARAM',
    );
    expect((await db.handle({ action: 'database.commitTransaction', transactionId: 'nope' })).code).toBe('DATABASE_TRANSACTION_FAIL');
  });
});

describe('invalid EJSON and values', () => {
  it('rejects text that is not EJSON', async () => {
    const res = await get({ query: '{"code": ' });
    expect(res.code).toBe('INVALID_PARAM');
    expect(res.message).toMatch(/^query is not valid EJSON/);
    expect((await get({ query: 42 })).message).toBe('query must be an EJSON string');
  });

  it('rejects invalid dates, bad regular expressions and bad server dates', async () => {
    expect((await get({ query: '{"at":{"$date":"not a date"}}' })).message).toMatch(/invalid date/);
    expect((await get({ query: '{"s":{"$regularExpression":{"pattern":"(","options":""}}}' })).message).toMatch(/invalid regular expression/);
    expect((await get({ query: '{"s":{"$regularExpression":{"pattern":"a","options":"x"}}}' })).message).toMatch(/unsupported regular expression options/);
    expect((await get({ query: '{"t":{"$tcb_server_date":{"offset":"soon"}}}' })).code).toBe('INVALID_PARAM');
  });

  it('rejects field names starting with $ and bad _id values on insert', async () => {
    const bad = await db.handle({ action: 'database.insertDocument', collectionName: 'things', data: ['{"a":{"$bad":1}}'] });
    expect(bad).toMatchObject({ code: 'INVALID_PARAM', message: "data[0]: field name 'a.$bad' must not start with '$'" });
    expect((await rejection(d.collection('things').add({ _id: '' }))).code).toBe('INVALID_PARAM');
    expect((await rejection(d.collection('things').add({ _id: { nested: true } }))).code).toBe('INVALID_PARAM');
  });
});

describe('unsupported operators', () => {
  it('rejects query operators mingo does not know', async () => {
    expect((await get({ query: '{"n":{"$foo":1}}' })).message).toBe('invalid query: unknown query operator $foo');
    const geo = await rejection(
      d.collection('things').where({ loc: d.command.geoNear({ geometry: new d.Geo.Point(120, 30), maxDistance: 10 }) }).get(),
    );
    expect(geo.code).toBe('INVALID_PARAM');
    expect(geo.message).toMatch(/\$near/);
  });

  it('rejects unknown update operators and unknown aggregation stages', async () => {
    const res = await db.handle({ action: 'database.modifyDocument', collectionName: 'things', query: '{}', multi: true, data: '{"$explode":{"n":1}}' });
    expect(res.code).toBe('INVALID_PARAM');
    expect(res.message).toMatch(/\$explode/);
    const agg = await rejection(d.collection('things').aggregate().geoNear({ near: new d.Geo.Point(1, 2), distanceField: 'd' }).end());
    expect(agg.code).toBe('INVALID_PARAM');
    expect((await db.handle({ action: 'database.aggregateDocuments', collectionName: 'things', stages: [{ stageKey: '$out', stageValue: '"x"' }] })).code).toBe(
      'INVALID_PARAM',
    );
  });
});

describe('no partial writes', () => {
  it('leaves a type-mismatched $inc as a no-op (mingo semantics; CloudBase would reject the request)', async () => {
    const res = await d.collection('things').where({ code: d.command.in(['A', 'B', 'C']) }).update({ n: d.command.inc(1) });
    expect(res.updated).toBe(2);
    expect((await snapshot()).map((x) => (x as { n: unknown }).n)).toEqual([2, 'not a number', 4]);
  });

  it('rolls back a multi-document update that breaks a unique index half way', async () => {
    const before = await snapshot();
    const err = await rejection(d.collection('things').where({ _id: d.command.in(['t1', 't3']) }).update({ code: 'Z' }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await snapshot()).toEqual(before);
  });

  it('inserts nothing from a batch containing one bad document', async () => {
    const before = await snapshot();
    expect((await rejection(d.collection('things').add([{ code: 'X' }, { code: 'A' }]))).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await rejection(d.collection('things').add([{ _id: 'new1' }, { _id: 'new1' }]))).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to change _id and to replace many documents at once', async () => {
    const before = await snapshot();
    expect((await db.handle({ action: 'database.modifyDocument', collectionName: 'things', query: '{"_id":"t1"}', data: '{"$set":{"_id":"moved"}}' })).message).toMatch(
      /immutable field '_id'/,
    );
    expect((await db.handle({ action: 'database.modifyDocument', collectionName: 'things', query: '{}', multi: true, merge: false, data: '{"a":1}' })).code).toBe(
      'INVALID_PARAM',
    );
    expect(await snapshot()).toEqual(before);
  });
});
