/** What the function benches share: a clock, percentiles, and writing background data straight into the store. */
import { EJSON } from 'bson';
import type { DbService } from '../emulator/server';

export const hr = (): number => Number(process.hrtime.bigint()) / 1e6;

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

/** Inserts documents as the SDK would send them, 1,000 a request (the generator is not what is measured). */
export async function insertRaw(db: DbService, collectionName: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    const data = docs.slice(i, i + 1000).map((d) => EJSON.stringify(d, { relaxed: false }));
    const res = (await db.handle({ action: 'database.insertDocument', collectionName, data })) as { code?: string; message?: string };
    if (res.code) throw new Error(`insert ${collectionName}: ${res.code} ${String(res.message)}`);
  }
}
