/**
 * Org import benchmark: a generated Yantai-scale org sheet (11 districts, 65 streets, 430
 * communities, 4,000 grids, 1,720 estates, 40,000 buildings; written to .xlsx first, not timed)
 * imported into a fresh local CloudBase through the real @cloudbase/node-sdk, as
 * `npm run org:import` does. Run alone with `npx tsx bench/orgImport.ts`.
 *
 * - org.import.ms@40k_buildings    read + validate + compare + write (batches of 500) into an empty database.
 * - org.reimport.ms@40k_buildings  the same file again: read, validate, compare, nothing to write.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport, type ImportTimings } from '../cloudfunctions/org/import/runImport';
import { writeOrgWorkbook } from '../cloudfunctions/org/import/workbook';
import { startLocalCloud } from '../emulator/server';
import { adminApp, appCloudOptions } from '../scripts/localStack';
import { generateOrgSheet, YANTAI_SCALE } from '../scripts/org/generate';
import { type BenchResult, runAlone } from './result';

export async function runOrgImportBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiayuan-bench-org-'));
  const file = path.join(dir, 'yantai.xlsx');
  await writeOrgWorkbook({ filename: file }, generateOrgSheet(YANTAI_SCALE));
  const cloud = await startLocalCloud({ ...appCloudOptions(), dataDir: path.join(dir, 'cloud'), port: 0, timers: false });
  try {
    const db = adminApp(cloud.url).database();
    const first: Partial<ImportTimings> = {};
    let t0 = performance.now();
    const imported = await runImport(db, file, { dryRun: false }, first);
    const importMs = performance.now() - t0;
    if (imported.status !== 'imported' || imported.counts.buildings.created !== YANTAI_SCALE.buildings) throw new Error(`import: ${JSON.stringify(imported).slice(0, 500)}`);

    t0 = performance.now();
    const again = await runImport(db, file, { dryRun: false });
    const reimportMs = performance.now() - t0;
    if (again.status !== 'imported' || Object.values(again.counts).some((c) => c.created + c.updated > 0)) throw new Error(`re-import changed something: ${JSON.stringify(again)}`);

    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    console.log(
      `org import: ${(statSync(file).size / 1e6).toFixed(1)} MB file; read ${first.readMs} ms, validate ${first.validateMs} ms, compare ${first.planMs} ms, write ${first.writeMs} ms; rss ${rssMb} MB`,
    );
    return [
      { name: 'org.import.ms@40k_buildings', unit: 'ms', value: Math.round(importMs) },
      { name: 'org.reimport.ms@40k_buildings', unit: 'ms', value: Math.round(reimportMs) },
    ];
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(__filename, runOrgImportBench);
