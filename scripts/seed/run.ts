/**
 * `npm run seed`: writes the demo data into `DATA_DIR` (default `./.local-cloud/`). When `npm start`
 * is running on that folder, the data goes through it; otherwise the local cloud is started on the
 * folder just for this (no port to open by hand, no timers) and stopped again. A second run changes
 * nothing.
 */
import path from 'node:path';
import { runningCloud } from '../../emulator/lock';
import { loadSecret, SessionSigner, SESSION_COOKIE } from '../../emulator/bridge/session';
import { adminApp, ROOT, startStack } from '../localStack';
import { seed } from './index';
import { seedDemoAppeals, type AppealsCall } from './appeals';

/** The appeals function called as `openid` through a running cloud's H5 bridge (a signed session). */
function bridgeCall(url: string, dataDir: string): AppealsCall {
  const sessions = new SessionSigner(loadSecret(dataDir));
  return async (openid, action, input) => {
    const res = await fetch(`${url}/api/functions/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${sessions.issue(openid)}` },
      body: JSON.stringify({ action, input }),
    });
    const body = (await res.json()) as { result?: unknown; errMsg?: string };
    if (!res.ok) throw new Error(`appeals.${action} 调用失败：${body.errMsg ?? res.status}`);
    return body.result as never;
  };
}

async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.local-cloud'));
  const running = runningCloud(dataDir);
  let seeded: boolean;
  if (running?.url) {
    console.log(`使用正在运行的本地云环境 ${running.url}（进程 ${running.pid}）`);
    seeded = await seed(adminApp(running.url).database());
    if (seeded) await seedDemoAppeals(bridgeCall(running.url, dataDir));
  } else {
    const stack = await startStack({ dataDir, timers: false });
    seeded = stack.seeded;
    try {
      if (seeded) {
        const { host } = stack.cloud;
        await seedDemoAppeals(async (openid, action, input) => (await host.invoke('appeals', { action, input }, { openid })).result as never);
      }
    } finally {
      await stack.cloud.close();
    }
  }
  console.log(seeded ? `已写入演示数据：${dataDir}` : `演示数据已存在，未做改动：${dataDir}`);
}

main().catch((error: unknown) => {
  console.error('写入演示数据失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
