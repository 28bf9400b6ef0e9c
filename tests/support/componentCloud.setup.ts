import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** One real local cloud for the component tests, in its own process; pages reach it through the H5 bridge. */
export default async function setup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jy-components-'));
  const tsx = createRequire(__filename).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsx, path.join(__dirname, 'cloudProcess.ts'), dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let ready = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (ready) return void process.stdout.write(chunk); // the functions' own logs, as before
      out += chunk.toString();
      const line = /READY (\S+)/.exec(out);
      if (line) (ready = true), resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`the component cloud exited (${code}) before it was ready:\n${out}`)));
  });
  process.env.JY_TEST_CLOUD_URL = url;
  (globalThis as { __componentCloud?: ChildProcess }).__componentCloud = child;
}
