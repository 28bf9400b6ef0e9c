/**
 * `npm test`: type-check, build what the tests run against (functions, weapp, H5), then every
 * jest project — unit, components, integration, mini-program, end-to-end.
 */
import { execSync } from 'node:child_process';
import { ROOT } from './localStack';

const started = Date.now();
const run = (label: string, command: string) => {
  const t = Date.now();
  console.log(`\n▶ ${label}`);
  execSync(command, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: label.startsWith('build') ? 'production' : process.env.NODE_ENV } });
  console.log(`✔ ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
};

try {
  run('typecheck', 'npx tsc --noEmit -p tsconfig.json');
  run('build functions', 'npx tsx scripts/build-functions.ts');
  run('build weapp', 'npx taro build --type weapp > .tmp-build-weapp.log 2>&1 || (cat .tmp-build-weapp.log; exit 1)');
  run('build h5', 'npx taro build --type h5 > .tmp-build-h5.log 2>&1 || (cat .tmp-build-h5.log; exit 1)');
  run('jest', `npx jest --ci ${process.argv.slice(2).join(' ')}`);
  console.log(`\nnpm test passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch {
  console.error(`\nnpm test failed after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(1);
}
