/** `npm start`: the whole system on one machine — local CloudBase, functions, H5 app, demo data. */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startStack } from './localStack';
import { seedDemoAppeals } from './seed/appeals';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildH5IfStale(staticDir: string) {
  const index = path.join(staticDir, 'index.html');
  const sources = Math.max(...['src', 'types', 'config'].map((d) => newestMtime(path.join(ROOT, d))));
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  console.log('正在构建 H5 应用（约 30 秒）…');
  execSync('npx taro build --type h5', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main() {
  const port = Number(process.env.PORT ?? 8787);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.local-cloud'));
  const staticDir = path.join(ROOT, 'dist-h5');
  // SKIP_H5_BUILD=1 serves dist-h5 as it is (or no app page at all): the cloud, bridge and dev pages only.
  if (process.env.SKIP_H5_BUILD === '1') {
    if (!existsSync(path.join(staticDir, 'index.html'))) console.log('未构建 H5 应用（SKIP_H5_BUILD=1），只提供本地云环境和演示页面。');
  } else {
    buildH5IfStale(staticDir);
  }
  const { cloud, seeded } = await startStack({ port, dataDir, staticDir });
  if (seeded) {
    // Filed through the function as a resident would, so their notices and counters are real.
    await seedDemoAppeals(async (openid, action, input) => (await cloud.host.invoke('appeals', { action, input }, { openid })).result as never);
  }
  console.log(seeded ? '已写入演示数据。' : '沿用已有数据。');
  console.log(`\n幸福家园本地环境已启动： ${cloud.url}/`);
  console.log(`  演示登录：${cloud.url}/dev/login`);
  console.log(`  消息记录：${cloud.url}/dev/messages`);
  console.log(`  数据目录：${dataDir}\n按 Ctrl-C 停止。`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止…');
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('启动失败：', error);
  process.exit(1);
});
