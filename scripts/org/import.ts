/**
 * `npm run org:import -- <file.xlsx> [--dry-run]`: imports an org sheet through the real
 * @cloudbase/node-sdk. Into CloudBase when ENV_ID (or TCB_ENV) and TENCENTCLOUD_SECRETID /
 * TENCENTCLOUD_SECRETKEY are set; otherwise into the local cloud of DATA_DIR (default ./.local-cloud/):
 * through `npm start` when it is running there, else started just for this and stopped again.
 * Nothing is written when any row has a problem; `--dry-run` only checks and counts.
 * `--codes <out.xlsx>` writes the sheet back with every building's code in 楼栋码: keep that file
 * for the next edit, so a renamed building keeps its code.
 */
import tcb from '@cloudbase/node-sdk';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { OrgImportKind, OrgImportResult } from '../../types/org';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import { runImport, type ImportDetails } from '../../cloudfunctions/org/import/runImport';
import { withBuildingCodes, writeOrgWorkbook } from '../../cloudfunctions/org/import/workbook';
import { runningCloud } from '../../emulator/lock';
import { adminApp, ROOT, startStack } from '../localStack';

const KIND_LABELS: Record<OrgImportKind, string> = {
  districts: '区市',
  streets: '街道',
  communities: '社区',
  grids: '网格',
  propertyCompanies: '物业公司',
  estates: '小区',
  buildings: '楼栋',
};

/** The report a person reads: each problem where it is in Excel, or the counts. */
export function describeResult(result: OrgImportResult): string[] {
  if (result.status === 'invalid') {
    const lines = result.problems.map((p) => `[${p.sheet}]${p.row > 0 ? ` 第 ${p.row} 行` : ''}${p.column ? `「${p.column}」` : ''}：${p.message}`);
    if (result.problemCount > result.problems.length) lines.push(`……共 ${result.problemCount} 个问题，只列出前 ${result.problems.length} 个`);
    lines.push(`发现 ${result.problemCount} 个问题，未写入任何数据。`);
    return lines;
  }
  const lines = (Object.keys(KIND_LABELS) as OrgImportKind[]).map((k) => {
    const c = result.counts[k];
    return `${KIND_LABELS[k].padEnd(5, '　')} 新增 ${c.created}，更新 ${c.updated}，不变 ${c.unchanged}`;
  });
  lines.push(`新分配楼栋码 ${result.newCodes} 个。`);
  lines.push(result.status === 'planned' ? '试运行（--dry-run）：未写入任何数据。' : '导入完成。');
  return lines;
}

async function withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
  const env = process.env.ENV_ID || process.env.TCB_ENV;
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
  if (env && secretId && secretKey) {
    console.log(`写入云开发环境 ${env}`);
    return use(tcb.init({ env, secretId, secretKey }).database());
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.local-cloud'));
  const running = runningCloud(dataDir);
  if (running?.url) {
    console.log(`使用正在运行的本地云环境 ${running.url}`);
    return use(adminApp(running.url).database());
  }
  console.log(`启动本地云环境：${dataDir}`);
  const { cloud } = await startStack({ dataDir, timers: false });
  try {
    return await use(adminApp(cloud.url).database());
  } finally {
    await cloud.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const codesAt = args.indexOf('--codes');
  const codesFile = codesAt >= 0 ? args[codesAt + 1] : undefined;
  if (codesAt >= 0 && !codesFile) {
    console.error('--codes 后面需要输出文件名');
    process.exit(2);
  }
  const file = args.find((a, i) => !a.startsWith('--') && (codesAt < 0 || i !== codesAt + 1));
  if (!file) {
    console.error('用法：npm run org:import -- <文件.xlsx> [--dry-run] [--codes <输出.xlsx>]');
    process.exit(2);
  }
  if (!existsSync(file)) {
    console.error(`找不到文件：${file}`);
    process.exit(2);
  }
  const details: ImportDetails = {};
  const result = await withDatabase((db) => runImport(db, path.resolve(file), { dryRun }, undefined, details));
  for (const line of describeResult(result)) console.log(line);
  if (codesFile && result.status === 'imported' && details.sheets && details.plan) {
    await writeOrgWorkbook({ filename: path.resolve(codesFile) }, withBuildingCodes(details.sheets, details.plan.buildingCodes));
    console.log(`已写出含楼栋码的文件：${path.resolve(codesFile)}（下次修改请用这个文件）`);
  }
  if (result.status === 'invalid') process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error('导入失败：', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
