import type { ChildProcess } from 'node:child_process';

export default async function teardown() {
  const child = (globalThis as { __componentCloud?: ChildProcess }).__componentCloud;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
