/**
 * 一码通海报 benchmark, through the whole local stack (function host, the real SDK, the SQLite store,
 * local storage). Run alone with `npx tsx bench/posters.ts`.
 *
 * Data: the demo seed plus a bench community of 向阳街道 with 10 grids (a grid worker each) of 50
 * buildings: 500 buildings written straight into the store (the generator is not what is measured).
 *
 * - posters.pdf.ms@500_buildings                 the street commander's A4 batch of that community, from
 *   the platform's timer firing to the PDF stored (each building's code drawn, 500 pages, font subset).
 * - posters.pdf.bytes_per_poster@500_buildings   the stored PDF's size over its posters (A4).
 * - posters.pdf.a5x2_ms@500_buildings            the same batch two-up on A4 (250 pages).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import type { Envelope } from '../types/contract';
import type { Building, Estate, OrgUnit } from '../types/org';
import type { PosterBatchView, PosterLayout } from '../types/posters';
import type { FileJobTally } from '../cloudfunctions/core/jobs/fileJobs';
import type { DbService, LocalCloud } from '../emulator/server';
import { startStack } from '../scripts/localStack';
import { type BenchResult, runAlone } from './result';

const GRIDS = 10;
const PER_GRID = 50;
const N = GRIDS * PER_GRID;
const STREET_COMMANDER = 'demo-street';
const DISTRICT = 'd-370602';
const STREET = 's-xiangyang';
const COMMUNITY = 'c-bench';

async function insert(db: DbService, collectionName: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    const data = docs.slice(i, i + 1000).map((d) => EJSON.stringify(d, { relaxed: false }));
    const res = (await db.handle({ action: 'database.insertDocument', collectionName, data })) as { code?: string; message?: string };
    if (res.code) throw new Error(`insert ${collectionName}: ${res.code} ${String(res.message)}`);
  }
}

async function seedCommunity(db: DbService): Promise<void> {
  const communityPath = [DISTRICT, STREET, COMMUNITY];
  const units: OrgUnit[] = [{ _id: COMMUNITY, level: 'community', name: '测试社区', parentId: STREET, path: communityPath, phone: '0535-6609999' }];
  const estates: Estate[] = [{ _id: `${COMMUNITY}-e1`, name: '幸福里小区', communityId: COMMUNITY, propertyCompanyId: null }];
  const buildings: Building[] = [];
  const users: object[] = [];
  for (let g = 1; g <= GRIDS; g++) {
    const gridId = `g-bench-${g}`;
    units.push({ _id: gridId, level: 'grid', name: `测试社区第${g}网格`, parentId: COMMUNITY, path: [...communityPath, gridId] });
    users.push({ _id: `staff-${gridId}`, name: `网格员${g}`, phone: `1396355${String(g).padStart(4, '0')}`, roles: ['grid_worker'], jurisdiction: { level: 'grid', unitIds: [gridId] }, createdAt: new Date() });
    for (let b = 1; b <= PER_GRID; b++) {
      const no = (g - 1) * PER_GRID + b;
      buildings.push({
        _id: `b-bench-${no}`,
        code: `370602B9${String(no).padStart(5, '0')}`,
        name: `${no}号楼`,
        address: `山东省烟台市芝罘区向阳街道幸福里小区${no}号楼`,
        estateId: estates[0]._id,
        gridId,
        communityId: COMMUNITY,
        streetId: STREET,
        districtId: DISTRICT,
      });
    }
  }
  await insert(db, 'orgUnits', units);
  await insert(db, 'estates', estates);
  await insert(db, 'users', users);
  await insert(db, 'buildings', buildings);
}

async function call<T>(cloud: LocalCloud, action: string, input: unknown): Promise<T> {
  const { result } = await cloud.host.invoke('posters', { action, input }, { openid: STREET_COMMANDER });
  const envelope = result as Envelope<T>;
  if (!envelope.ok) throw new Error(`posters.${action}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

/** One batch of the bench community: the timer run's wall time and the stored file's size. */
async function batch(cloud: LocalCloud, layout: PosterLayout): Promise<{ ms: number; bytes: number }> {
  const view = await call<PosterBatchView>(cloud, 'request', { requestId: randomUUID(), unitId: COMMUNITY, layout });
  const t0 = performance.now();
  const { result } = await cloud.host.fireTimer('posters', 'generatePosters');
  const ms = performance.now() - t0;
  const run = result as Envelope<FileJobTally>;
  if (!run.ok || run.data.done !== 1) throw new Error(`posters bench: ${JSON.stringify(run)}`);
  const done = (await call<{ items: PosterBatchView[] }>(cloud, 'list', {})).items.find((b) => b.id === view.id)!;
  if (done.done !== N) throw new Error(`posters bench: ${done.done} posters, expected ${N}`);
  const link = await call<{ url: string }>(cloud, 'download', { id: view.id });
  const bytes = (await (await fetch(link.url)).arrayBuffer()).byteLength;
  return { ms, bytes };
}

export async function runPostersBench(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-bench-posters-'));
  process.env.JIAYUAN_LIMITS ??= 'off';
  const { cloud } = await startStack({ dataDir, timers: false });
  try {
    await seedCommunity(cloud.db);
    const a4 = await batch(cloud, 'a4');
    const a5 = await batch(cloud, 'a5x2');
    return [
      { name: `posters.pdf.ms@${N}_buildings`, unit: 'ms', value: Math.round(a4.ms) },
      { name: `posters.pdf.bytes_per_poster@${N}_buildings`, unit: 'B', value: Math.round(a4.bytes / N) },
      { name: `posters.pdf.a5x2_ms@${N}_buildings`, unit: 'ms', value: Math.round(a5.ms) },
    ];
  } finally {
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runAlone(__filename, runPostersBench);
