/**
 * `npm run staff:invite -- <区划代码> [--hours N]`: the invitation for a district's first
 * 区市指挥中心, who then invites the streets and communities in the app (人员与权限). Into CloudBase
 * when ENV_ID (or TCB_ENV) and TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY are set; otherwise into
 * the local cloud of DATA_DIR (default ./.local-cloud/), through `npm start` when it is running there.
 * Prints the code, the page to open in WeChat and when it expires.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../cloudfunctions/core/errors';
import { inviteFirstCommander } from '../../cloudfunctions/staff/app/firstInvitation';
import { acceptLink } from '../../cloudfunctions/staff/app/views';
import { formatShanghai } from '../../cloudfunctions/core/time/workingTime';
import { runningCloud } from '../../emulator/lock';
import { ROOT, startStack } from '../localStack';

/**
 * Points the functions' own platform layer (core/platform/cloud.ts) at the target environment, as
 * CloudBase does for a function: the same repos then write there.
 */
async function onPlatform<T>(use: () => Promise<T>): Promise<T> {
  const envId = process.env.ENV_ID || process.env.TCB_ENV;
  if (envId && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY) {
    console.log(`写入云开发环境 ${envId}`);
    process.env.TCB_ENV = envId;
    return use();
  }
  const local = (url: string) => {
    Object.assign(process.env, { TCB_ENV: 'local', TENCENTCLOUD_SECRETID: 'local', TENCENTCLOUD_SECRETKEY: 'local', TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }) });
  };
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.local-cloud'));
  const running = runningCloud(dataDir);
  if (running?.url) {
    console.log(`使用正在运行的本地云环境 ${running.url}`);
    local(running.url);
    return use();
  }
  console.log(`启动本地云环境：${dataDir}`);
  const { cloud } = await startStack({ dataDir, timers: false });
  try {
    local(cloud.url);
    return await use();
  } finally {
    await cloud.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const hoursAt = args.indexOf('--hours');
  const ttlHours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : undefined;
  const district = args.find((a, i) => !a.startsWith('--') && (hoursAt < 0 || i !== hoursAt + 1));
  if (!district) {
    console.error('用法：npm run staff:invite -- <区划代码，如 370602> [--hours 72]');
    process.exit(2);
  }
  const inv = await onPlatform(() => inviteFirstCommander({ district, ttlHours, requestId: randomUUID(), now: new Date() }));
  console.log(`已为「${inv.unitName}」生成区市指挥中心邀请码：${inv.code}`);
  console.log(`被邀请人在小程序里打开 ${acceptLink(inv.code)}，或在「我的 → 我是工作人员」输入邀请码`);
  console.log(`有效期至 ${formatShanghai(inv.expiresAt, 'YYYY年MM月DD日 HH:mm')}（北京时间），只能使用一次。`);
}

main().catch((error: unknown) => {
  console.error('生成邀请失败：', error instanceof AppError || error instanceof Error ? error.message : error);
  process.exit(1);
});
