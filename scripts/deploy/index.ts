/**
 * `npm run deploy [-- --dry-run | --templates]`: brings a CloudBase environment to the repo's state — every
 * function bundled by build-functions with its timer triggers and environment, every collection
 * with its declared indexes, the database and storage security rules — through the official
 * @cloudbase/manager-node, changing only what differs (a second run changes nothing).
 *
 * Credentials: ENV_ID (or TCB_ENV), TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY
 * (TENCENTCLOUD_SESSIONTOKEN for temporary keys). Template ids: JIAYUAN_TMPL_* in this shell.
 * `--dry-run` prints the plan and changes nothing; without credentials it plans against an empty
 * environment, i.e. the full plan. `--templates` prints the subscribe-message templates to pick.
 */
import path from 'node:path';
import { desiredState } from './desired';
import { applySteps, connect, credentialsFrom, readEnvironment } from './environment';
import { describeStep, EMPTY_ENVIRONMENT, planDeploy, type DesiredState } from './plan';
import { templateTable } from './templates';

/** The repo's state in words: what the environment will look like. */
export function describeDesired(state: DesiredState, missingTemplates: string[]): string[] {
  const lines: string[] = [`云函数（${state.functions.length}）`];
  for (const fn of state.functions) {
    lines.push(`  ${fn.name}：${fn.runtime}，${fn.memorySize} MB，超时 ${fn.timeout} 秒，入口 ${fn.handler}${fn.openapi.length ? `，云调用 ${fn.openapi.join('、')}` : ''}`);
    for (const t of fn.triggers) lines.push(`    定时触发器 ${t.name}「${t.config}」`);
    lines.push(`    环境变量 ${Object.entries(fn.envVariables).map(([k, v]) => `${k}=${k === 'JIAYUAN_CODE_SHA256' ? v.slice(0, 12) : v}`).join(' ')}`);
  }
  if (missingTemplates.length > 0) lines.push(`  注意：未设置的订阅消息模板 id（这些消息不会发送）：${missingTemplates.join('、')}`);
  lines.push(`集合（${state.collections.length}）`);
  for (const c of state.collections) {
    const indexes = c.indexes.map((ix) => `${ix.name}${JSON.stringify(ix.keys)}${ix.unique ? '唯一' : ''}`);
    lines.push(`  ${c.name}${indexes.length ? `：${indexes.join('，')}` : '（无索引）'}  规则 ${JSON.stringify(state.collectionRules[c.name])}`);
  }
  lines.push(`云存储规则 ${JSON.stringify(state.storageRule)}`);
  return lines;
}

async function main() {
  if (process.argv.includes('--templates')) {
    for (const line of templateTable()) console.log(line);
    return;
  }
  const dryRun = process.argv.includes('--dry-run');
  const credentials = credentialsFrom(process.env);
  if (!dryRun && !credentials) {
    console.error('部署需要 ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY；只看计划请用 npm run deploy -- --dry-run');
    process.exit(2);
  }
  console.log('打包云函数……');
  const { state, missingTemplates } = await desiredState();
  console.log('\n仓库要求的状态');
  for (const line of describeDesired(state, missingTemplates)) console.log(line);

  const app = credentials ? connect(credentials) : null;
  const names = { functions: state.functions.map((f) => f.name), collections: state.collections.map((c) => c.name) };
  const current = app ? await readEnvironment(app, names) : EMPTY_ENVIRONMENT;
  const plan = planDeploy(state, current);
  console.log(`\n部署计划（${app ? `对照环境 ${credentials!.envId} 的现状` : '未提供凭据：对照空环境，即完整计划'}）`);
  for (const step of plan.steps) console.log(`  ${describeStep(step)}`);
  const { functions, collections, rules } = plan.unchanged;
  console.log(`共 ${plan.steps.length} 项变更；无需变更：云函数 ${functions} 个，集合 ${collections} 个，安全规则 ${rules} 条`);
  if (dryRun || !app) {
    console.log('试运行（--dry-run）：未做任何改动。');
    return;
  }
  if (plan.steps.length === 0) return;
  await applySteps(app, plan.steps, (line) => console.log(`  ${line}`));
  const after = planDeploy(state, await readEnvironment(app, names));
  const left = after.steps.filter((s) => s.kind !== 'recreateFunction');
  console.log(left.length === 0 ? '部署完成：环境与仓库一致。' : `部署后仍有 ${left.length} 项不一致：\n${left.map((s) => `  ${describeStep(s)}`).join('\n')}`);
  if (left.length > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error('部署失败：', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
