/** Transactions through the real SDK: runTransaction / startTransaction semantics of CloudBase. */
import type { CollectionSpec } from './spec';
import { openTestDatabase, rejection, resetCollection, SdkDatabase, TestDatabase, TestServer } from './testServer';

const SPECS: CollectionSpec[] = [
  { name: 'accounts', indexes: [] },
  { name: 'households', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }] },
];

let t: TestDatabase;
let server: TestServer;
let d: SdkDatabase;
type Tx = Awaited<ReturnType<typeof d.startTransaction>>;

beforeAll(async () => {
  t = await openTestDatabase({ collections: SPECS, transactionTimeoutMs: 1_000 });
  ({ server, d } = t);
});

afterAll(() => t.close());

beforeEach(() =>
  resetCollection(d, 'accounts', [
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]),
);

const balance = async (id: string): Promise<number> => (await d.collection('accounts').doc(id).get()).data[0].balance;

describe('runTransaction', () => {
  it('commits single-document reads and writes, and returns the callback result', async () => {
    const result = await d.runTransaction(async (tx: Tx) => {
      const a = await tx.collection('accounts').doc('a').get();
      expect(a.data).toEqual({ _id: 'a', balance: 100 }); // an object, not an array, inside a transaction
      expect((await tx.collection('accounts').doc('zzz').get()).data).toBeNull();
      await tx.collection('accounts').doc('a').update({ balance: d.command.inc(-30) });
      await tx.collection('accounts').doc('b').update({ balance: d.command.inc(30) });
      const added = await tx.collection('accounts').add({ _id: 'log1', amount: 30 });
      expect(added).toMatchObject({ id: 'log1', inserted: 1, ok: 1 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(await balance('a')).toBe(70);
    expect(await balance('b')).toBe(30);
    expect((await d.collection('accounts').doc('log1').get()).data).toHaveLength(1);
  });

  it('rolls back everything when the callback throws', async () => {
    const err = await rejection(
      d.runTransaction(async (tx: Tx) => {
        await tx.collection('accounts').doc('a').update({ balance: 0 });
        await tx.collection('accounts').add({ _id: 'never' });
        await tx.collection('accounts').doc('b').remove();
        throw Object.assign(new Error('insufficient funds'), { code: 'APP_ERROR' });
      }),
    );
    expect(err).toEqual({ code: 'APP_ERROR', message: 'insufficient funds' });
    expect(await balance('a')).toBe(100);
    expect(await balance('b')).toBe(0);
    expect((await d.collection('accounts').doc('never').get()).data).toEqual([]);
  });

  it('rejects with the reason given to transaction.rollback()', async () => {
    await expect(
      d.runTransaction(async (tx: Tx) => {
        await tx.collection('accounts').doc('a').set({ balance: 1 });
        await tx.rollback(-100);
      }),
    ).rejects.toBe(-100);
    expect(await balance('a')).toBe(100);
  });

  it('retries the callback when it loses a conflict', async () => {
    const other = server.app().database();
    let attempts = 0;
    await d.runTransaction(async (tx: Tx) => {
      attempts++;
      const a = (await tx.collection('accounts').doc('a').get()).data;
      // First attempt: someone else changes the document after we read it.
      if (attempts === 1) await other.collection('accounts').doc('a').update({ balance: 500 });
      await tx.collection('accounts').doc('a').update({ balance: a.balance + 1 });
    });
    expect(attempts).toBe(2);
    expect(await balance('a')).toBe(501);
  });

  it('never loses an update among concurrent read-modify-write transactions', async () => {
    const clients = Array.from({ length: 6 }, () => server.app().database());
    const outcomes = await Promise.allSettled(
      clients.map((c) =>
        c.runTransaction(async (tx: Tx) => {
          const b = (await tx.collection('accounts').doc('b').get()).data;
          await new Promise((r) => setTimeout(r, 5));
          await tx.collection('accounts').doc('b').update({ balance: b.balance + 1 });
        }),
      ),
    );
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length;
    expect(succeeded).toBeGreaterThan(0);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect((o.reason as { code: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    }
    expect(await balance('b')).toBe(succeeded);
  });
});

describe('startTransaction', () => {
  it('keeps staged writes private until commit, while the transaction sees them', async () => {
    const tx = await d.startTransaction();
    await tx.collection('accounts').doc('a').update({ balance: 1 });
    await tx.collection('accounts').add({ _id: 'c', balance: 5 });
    await tx.collection('accounts').doc('b').remove();
    expect((await tx.collection('accounts').doc('a').get()).data.balance).toBe(1);
    const inside = await tx.collection('accounts').where({ balance: d.command.lt(50) }).get();
    expect(inside.data.map((x: { _id: string }) => x._id).sort()).toEqual(['a', 'c']);
    expect(await balance('a')).toBe(100);
    expect((await d.collection('accounts').doc('c').get()).data).toEqual([]);
    await tx.commit();
    expect(await balance('a')).toBe(1);
    expect(await balance('c')).toBe(5);
    expect((await d.collection('accounts').doc('b').get()).data).toEqual([]);
  });

  it('discards staged writes on rollback', async () => {
    const tx = await d.startTransaction();
    await tx.collection('accounts').doc('a').set({ balance: 7 });
    await tx.rollback();
    expect(await balance('a')).toBe(100);
    expect((await rejection(tx.collection('accounts').doc('a').get())).code).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('fails a second transaction touching a document held by an open one', async () => {
    const t1 = await d.startTransaction();
    const t2 = await d.startTransaction();
    await t1.collection('accounts').doc('a').get();
    expect((await rejection(t2.collection('accounts').doc('a').update({ balance: 0 }))).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    // t2 is aborted by the conflict: even its other documents and its commit fail.
    expect((await rejection(t2.collection('accounts').doc('b').get())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await rejection(t2.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await t1.collection('accounts').doc('a').update({ balance: 99 });
    await t1.commit();
    expect(await balance('a')).toBe(99);
  });

  it('fails at commit when a plain write changed a document the transaction holds', async () => {
    const tx = await d.startTransaction();
    const a = (await tx.collection('accounts').doc('a').get()).data;
    await tx.collection('accounts').doc('a').update({ balance: a.balance - 10 });
    await d.collection('accounts').doc('a').update({ balance: 1000 });
    expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('a')).toBe(1000);
  });

  it('applies all staged writes or none: a unique-index clash at commit rolls back the rest', async () => {
    const tx = await d.startTransaction();
    await tx.collection('accounts').doc('a').update({ balance: 0 });
    await tx.collection('households').add({ _id: 'h1', code: 'H-1' });
    await d.collection('households').add({ _id: 'h2', code: 'H-1' });
    expect((await rejection(tx.commit())).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await balance('a')).toBe(100);
    expect((await d.collection('households').doc('h1').get()).data).toEqual([]);
  });

  it('reports a duplicate inside the transaction at the write that causes it', async () => {
    await d.collection('households').add({ _id: 'h3', code: 'H-3' });
    const tx = await d.startTransaction();
    expect((await rejection(tx.collection('households').add({ _id: 'h3' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await rejection(tx.collection('households').add({ code: 'H-3' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    await tx.collection('households').add({ _id: 'h4', code: 'H-4' });
    await tx.commit();
    expect((await d.collection('households').doc('h4').get()).data).toEqual([{ _id: 'h4', code: 'H-4' }]);
  });

  it('expires a transaction left open and releases its documents', async () => {
    const tx = await d.startTransaction();
    await tx.collection('accounts').doc('a').update({ balance: 0 });
    await new Promise((r) => setTimeout(r, 1_200));
    const err = await rejection(tx.commit());
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(err.message).toMatch(/expired/);
    const t2 = await d.startTransaction();
    await t2.collection('accounts').doc('a').update({ balance: 3 });
    await t2.commit();
    expect(await balance('a')).toBe(3);
  });

  it('runs where().update() outside the transaction, as CloudBase does (no transactionId is sent)', async () => {
    const tx = await d.startTransaction();
    await tx.collection('accounts').where({ _id: 'b' }).update({ balance: 42 });
    await tx.rollback();
    expect(await balance('b')).toBe(42);
    const sent = server.requests.filter((r) => r.action === 'database.modifyDocument').pop();
    expect(sent?.transactionId).toBeUndefined();
  });
});
