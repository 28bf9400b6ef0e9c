import { checkWeappQuality } from '../scripts/quality/weapp';
import type { BenchResult } from './result';

/** How many of WeChat's code-quality rules (scripts/quality/weapp.ts) the weapp build in `dist` fails. */
export async function weappQuality(dist: string): Promise<BenchResult[]> {
  const report = await checkWeappQuality(dist);
  for (const rule of report.rules.filter((r) => !r.passed)) console.log(`  ✘ ${rule.id}（${rule.name}）：${rule.detail}`);
  return [{ name: 'weapp.quality.failed_rules', unit: 'rules', value: report.failed }];
}
