/**
 * `npm test`: type-check, build what the tests run against (functions, weapp, H5), then every
 * jest project — unit, components, integration, mini-program, end-to-end — on a machine clock in
 * UTC, and the unit and component projects once more in Asia/Shanghai: the app's days and times
 * are Shanghai's whatever the device's zone, and the tests must pass at any hour in either.
 */
import { execSync } from 'node:child_process';
import { ROOT } from './localStack';

const started = Date.now();
const run = (label: string, command: string, env: NodeJS.ProcessEnv = {}) => {
  const t = Date.now();
  console.log(`\n▶ ${label}`);
  execSync(command, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: label.startsWith('build') ? 'production' : process.env.NODE_ENV, ...env },
  });
  console.log(`✔ ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
};

const extra = process.argv.slice(2).join(' ');
/** Extra arguments that pick projects themselves replace the second-zone run's choice. */
const picksProjects = /--selectProjects|--projects/.test(extra);

try {
  run('typecheck', 'npx tsc --noEmit -p tsconfig.json');
  run('build functions', 'npx tsx scripts/build-functions.ts');
  run('build weapp', 'npx taro build --type weapp > .tmp-build-weapp.log 2>&1 || (cat .tmp-build-weapp.log; exit 1)');
  run('build h5', 'npx taro build --type h5 > .tmp-build-h5.log 2>&1 || (cat .tmp-build-h5.log; exit 1)');
  run('jest, TZ=UTC', `npx jest --ci ${extra}`, { TZ: 'UTC' });
  if (!picksProjects) run('jest unit + components, TZ=Asia/Shanghai', `npx jest --ci --selectProjects unit components ${extra}`, { TZ: 'Asia/Shanghai' });
  console.log(`\nnpm test passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch {
  console.error(`\nnpm test failed after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(1);
}
