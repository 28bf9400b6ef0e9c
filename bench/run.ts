/**
 * `npm run bench`: every figure the issues ask for, printed and written to bench/results.json as
 * `[{ name, unit, value }]`. Sizes come from the production builds in dist/ and dist-h5/.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAppealsBench } from './appeals';
import { runBookingBench } from './booking';
import { runCouncilBench } from './council';
import { runDbBench } from './db';
import { runLedgerBench } from './ledger';
import { runOrgImportBench } from './orgImport';
import { runVolunteerBench } from './volunteer';
import type { BenchResult } from './result';
import { h5FirstLoad, weappSizes } from './sizes';

const ROOT = path.resolve(__dirname, '..');

async function main() {
  const results: BenchResult[] = [];
  const report = (rows: BenchResult[]) => {
    for (const row of rows) console.log(`${row.name.padEnd(40)} ${String(row.value).padStart(14)} ${row.unit}`);
    results.push(...rows);
  };

  console.log('building weapp and H5 (production)…');
  execSync('npx taro build --type weapp', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  execSync('npx taro build --type h5', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  report(weappSizes(path.join(ROOT, 'dist')));
  report(await import('./quality').then((m) => m.weappQuality(path.join(ROOT, 'dist'))));
  report(h5FirstLoad(path.join(ROOT, 'dist-h5')));
  report(await import('./h5').then((m) => m.runH5Bench()));
  report(await runDbBench());
  report(await runAppealsBench());
  report(await runBookingBench());
  report(await runCouncilBench());
  report(await runVolunteerBench());
  report(await runOrgImportBench());
  report(await runLedgerBench());

  const file = path.join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${results.length} figures to ${path.relative(ROOT, file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
