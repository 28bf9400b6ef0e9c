/**
 * Database benchmark: the local CloudBase database through the real @cloudbase/node-sdk over HTTP,
 * against raw better-sqlite3. Run alone with `npx tsx bench/db.ts`.
 *
 * - db.insert.throughput: docs/s added through the SDK, `collection.add(batch)` with 500 documents
 *   per request, one request at a time, into a collection with two indexes.
 * - db.raw_sqlite.insert.throughput: the same documents as JSON into a plain table (id primary key),
 *   500 per SQLite transaction, through a prepared statement.
 * - db.query.indexed.p99_ms@1k / @100k: `where({gridId}).get()` through the SDK on collections of
 *   1k and 100k documents (filled directly through DbService), each query matching 10 documents;
 *   the two sizes are sampled alternately so machine noise hits both alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import type { CollectionSpec } from '../emulator/db';
import { DbService, openDatabase } from '../emulator/db';
import { startTestServer } from '../emulator/db/testServer';
import { type BenchResult, runAlone } from './result';

const INSERT_DOCS = 20_000;
const BATCH = 500;
const QUERY_SAMPLES = 1_000;
const WARMUP = 100;
const MATCHES_PER_QUERY = 10;

const SPECS: CollectionSpec[] = [
  { name: 'benchInsert', indexes: [{ name: 'grid', keys: { gridId: 1 } }, { name: 'created', keys: { createdAt: -1 } }] },
  { name: 'q1k', indexes: [{ name: 'grid', keys: { gridId: 1 } }] },
  { name: 'q100k', indexes: [{ name: 'grid', keys: { gridId: 1 } }] },
];

/** A document shaped like an appeal (~300 bytes). */
function appeal(i: number, grids: number): Record<string, unknown> {
  return {
    _id: `a${String(i).padStart(8, '0')}`,
    gridId: `g${i % grids}`,
    communityId: `c${i % 97}`,
    buildingId: `b${i % 1013}`,
    status: ['new', 'claimed', 'resolved'][i % 3],
    category: 'property',
    title: `Leaking pipe in stairwell ${i}`,
    content: 'Water has been leaking from the pipe on the third floor for two days.',
    photos: [`cloud://env/appeals/${i}/1.jpg`],
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
    rating: null,
  };
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

async function fillDirect(db: DbService, collectionName: string, count: number): Promise<void> {
  const grids = count / MATCHES_PER_QUERY;
  for (let start = 0; start < count; start += 1000) {
    const data = Array.from({ length: Math.min(1000, count - start) }, (_, k) => EJSON.stringify(appeal(start + k, grids), { relaxed: false }));
    const res = await db.handle({ action: 'database.insertDocument', collectionName, data });
    if (res.code) throw new Error(`fill ${collectionName}: ${String(res.message)}`);
  }
}

function rawSqliteThroughput(dir: string): number {
  const sql = new Database(path.join(dir, 'raw.db'));
  sql.pragma('journal_mode = WAL');
  sql.pragma('synchronous = NORMAL');
  sql.exec('CREATE TABLE raw (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
  const insert = sql.prepare('INSERT INTO raw (id, doc) VALUES (?, ?)');
  const batch = sql.transaction((docs: Array<Record<string, unknown>>) => {
    for (const doc of docs) insert.run(doc._id, JSON.stringify(doc));
  });
  const docs = Array.from({ length: INSERT_DOCS }, (_, i) => appeal(i, 2000));
  const t0 = now();
  for (let i = 0; i < docs.length; i += BATCH) batch(docs.slice(i, i + BATCH));
  const seconds = (now() - t0) / 1000;
  sql.close();
  return INSERT_DOCS / seconds;
}

export async function runDbBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiayuan-bench-db-'));
  const db = openDatabase({ file: path.join(dir, 'bench.db'), collections: SPECS });
  const server = await startTestServer(db);
  try {
    const sdk = server.app().database();

    const docs = Array.from({ length: INSERT_DOCS }, (_, i) => appeal(i, 2000));
    await sdk.collection('benchInsert').add(docs.slice(0, BATCH).map((x) => ({ ...x, _id: `warm${String(x._id)}` })));
    const t0 = now();
    for (let i = 0; i < docs.length; i += BATCH) await sdk.collection('benchInsert').add(docs.slice(i, i + BATCH));
    const sdkInsert = INSERT_DOCS / ((now() - t0) / 1000);

    const rawInsert = rawSqliteThroughput(dir);

    await fillDirect(db, 'q1k', 1_000);
    await fillDirect(db, 'q100k', 100_000);
    const sizes = [
      { name: 'q1k', grids: 1_000 / MATCHES_PER_QUERY, samples: [] as number[] },
      { name: 'q100k', grids: 100_000 / MATCHES_PER_QUERY, samples: [] as number[] },
    ];
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < WARMUP + QUERY_SAMPLES; i++) {
      for (const size of sizes) {
        const gridId = `g${next(size.grids)}`;
        const t = now();
        const res = await sdk.collection(size.name).where({ gridId }).get();
        const ms = now() - t;
        if (res.data.length !== MATCHES_PER_QUERY) throw new Error(`${size.name}: expected ${MATCHES_PER_QUERY} matches, got ${res.data.length}`);
        if (i >= WARMUP) size.samples.push(ms);
      }
    }

    return [
      { name: 'db.insert.throughput', unit: 'docs/s', value: Math.round(sdkInsert) },
      { name: 'db.raw_sqlite.insert.throughput', unit: 'docs/s', value: Math.round(rawInsert) },
      { name: 'db.query.indexed.p99_ms@1k', unit: 'ms', value: Number(p99(sizes[0].samples).toFixed(3)) },
      { name: 'db.query.indexed.p99_ms@100k', unit: 'ms', value: Number(p99(sizes[1].samples).toFixed(3)) },
    ];
  } finally {
    await server.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(__filename, runDbBench, (by) => `p99 100k/1k ratio ${(by['db.query.indexed.p99_ms@100k'] / by['db.query.indexed.p99_ms@1k']).toFixed(2)} (target <= 3); SDK/raw insert ${((by['db.insert.throughput'] / by['db.raw_sqlite.insert.throughput']) * 100).toFixed(1)}% (target >= 10%)`);
