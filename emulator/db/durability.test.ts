/** Durability: data survives close/reopen and `kill -9` of a writing process; declarations apply at open. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import { DbService, openDatabase, type CollectionSpec } from './index';

/** A declaration like an app's: several collections, compound, unique and nested-path indexes. */
const DECLARED: CollectionSpec[] = [
  { name: 'units', indexes: [{ name: 'parent', keys: { parentId: 1 } }] },
  { name: 'places', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }, { name: 'area', keys: { 'area.id': 1, at: -1 } }] },
  { name: 'notes', indexes: [] },
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiayuan-db-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, name);

async function insert(db: DbService, collectionName: string, docs: Array<Record<string, unknown>>): Promise<void> {
  const res = await db.handle({ action: 'database.insertDocument', collectionName, data: docs.map((x) => EJSON.stringify(x, { relaxed: false })) });
  expect(res.code).toBeUndefined();
}

async function find(db: DbService, collectionName: string, query: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const res = await db.handle({ action: 'database.getDocument', collectionName, queryType: 'WHERE', query: EJSON.stringify(query), limit: 1000 });
  expect(res.code).toBeUndefined();
  return ((res.data as { list: string[] }).list).map((s) => EJSON.parse(s) as Record<string, unknown>);
}

it('creates every declared collection at open', async () => {
  const db = openDatabase({ file: ':memory:', collections: DECLARED });
  for (const spec of DECLARED) expect(await find(db, spec.name)).toEqual([]);
  db.close();
});

it('keeps documents, dates and indexes across close and reopen', async () => {
  const specs = [{ name: 'buildings', indexes: [{ name: 'code', keys: { code: 1 as const }, unique: true }] }];
  const when = new Date('2025-03-04T05:06:07.089Z');
  const db1 = openDatabase({ file: file('reopen.db'), collections: specs });
  await insert(db1, 'buildings', [{ _id: 'b1', code: 'A-1', when }]);
  expect((await db1.handle({ action: 'database.addCollection', collectionName: 'extra' })).code).toBeUndefined();
  await insert(db1, 'extra', [{ _id: 'e1' }]);
  db1.close();

  const db2 = openDatabase({ file: file('reopen.db'), collections: specs });
  const [doc] = await find(db2, 'buildings', { code: 'A-1' });
  expect(doc).toEqual({ _id: 'b1', code: 'A-1', when });
  expect(await find(db2, 'extra')).toEqual([{ _id: 'e1' }]);
  expect(db2.explain('buildings', { code: 'A-1' }).plan).toBe('IXSCAN code (code)');
  const dup = await db2.handle({ action: 'database.insertDocument', collectionName: 'buildings', data: ['{"code":"A-1"}'] });
  expect(dup.code).toBe('DATABASE_DUPLICATE_WRITE');
  db2.close();
});

it('builds indexes declared later over existing documents, and drops undeclared ones', async () => {
  const f = file('evolve.db');
  const db1 = openDatabase({ file: f, collections: [{ name: 'places', indexes: [] }] });
  await insert(db1, 'places', [
    { _id: 'p1', code: 'X', tags: ['a', 'b'] },
    { _id: 'p2', code: 'Y', tags: ['b'] },
    { _id: 'p3', code: 'X' },
  ]);
  expect(db1.explain('places', { tags: 'b' }).plan).toBe('COLLSCAN');
  db1.close();

  const db2 = openDatabase({ file: f, collections: [{ name: 'places', indexes: [{ name: 'tags', keys: { tags: 1 } }] }] });
  expect(db2.explain('places', { tags: 'b' }).plan).toBe('IXSCAN tags (tags)');
  expect((await find(db2, 'places', { tags: 'b' })).map((p) => p._id)).toEqual(['p1', 'p2']);
  db2.close();

  // A unique index the data violates: opening fails with a clear message, and nothing changes.
  expect(() => openDatabase({ file: f, collections: [{ name: 'places', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }] }] })).toThrow(
    /cannot build index 'code' on 'places': duplicate key .*"X"/,
  );

  const db3 = openDatabase({ file: f, collections: [{ name: 'places', indexes: [] }] });
  expect(db3.explain('places', { tags: 'b' }).plan).toBe('COLLSCAN');
  expect(await find(db3, 'places')).toHaveLength(3);
  db3.close();
});

it('keeps every acknowledged write when the writing process is killed with SIGKILL', async () => {
  const f = file('killed.db');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'durabilityChild.ts'), f], {
    cwd: path.join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let lastAck = -1;
  let buffered = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child made no progress: ${stderr}`)), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      buffered += c.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) lastAck = Math.max(lastAck, Number(line.replace('ack ', '')));
      if (lastAck >= 300 && !child.killed) {
        child.kill('SIGKILL');
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (lastAck < 300) reject(new Error(`child exited early: ${stderr}`));
    });
  });
  expect(await exited).toBe('SIGKILL');

  const db = openDatabase({ file: f, collections: [{ name: 'acks', indexes: [{ name: 'n', keys: { n: 1 }, unique: true }] }] });
  const countRes = await db.handle({ action: 'database.calculateDocument', collectionName: 'acks' });
  const total = (countRes.data as { total: number }).total;
  expect(total).toBeGreaterThanOrEqual(lastAck + 1);
  const ackedRes = await db.handle({
    action: 'database.calculateDocument',
    collectionName: 'acks',
    query: EJSON.stringify({ n: { $lte: lastAck } }),
  });
  expect((ackedRes.data as { total: number }).total).toBe(lastAck + 1);
  const [first] = await find(db, 'acks', { _id: 'k0' });
  expect(first.last as number).toBeGreaterThanOrEqual(lastAck);
  db.close();
}, 60_000);
