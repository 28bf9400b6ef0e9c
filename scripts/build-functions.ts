/**
 * Bundles each cloud function (a folder under cloudfunctions/ with an index.ts) into its deployable
 * folder: index.js beside its package.json and config.json, and lists them in cloudbaserc.json.
 * Files a function reads at run time (fonts) are listed in its `assets.json` as module paths and
 * copied into its `assets/` folder.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const functionsDir = path.join(root, 'cloudfunctions');

export function functionNames(): string[] {
  return readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(functionsDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

export async function buildFunctions({ quiet = false } = {}): Promise<string[]> {
  const names = functionNames();
  await Promise.all(
    names.map(async (name) => {
      const { outputFiles } = await build({
        entryPoints: [path.join(functionsDir, name, 'index.ts')],
        outfile: path.join(functionsDir, name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: ['@cloudbase/node-sdk'],
        sourcemap: 'linked',
        logLevel: quiet ? 'warning' : 'info',
        legalComments: 'none',
        minify: true,
        keepNames: true,
        write: false,
      });
      for (const file of outputFiles) writeIfChanged(file.path, file.text);
      copyAssets(name);
    }),
  );
  writeCloudbaserc(names);
  return names;
}

function copyAssets(name: string) {
  const list = path.join(functionsDir, name, 'assets.json');
  if (!existsSync(list)) return;
  const dir = path.join(functionsDir, name, 'assets');
  mkdirSync(dir, { recursive: true });
  for (const spec of JSON.parse(readFileSync(list, 'utf8')) as string[]) {
    const from = createRequire(__filename).resolve(spec);
    const to = path.join(dir, path.basename(spec));
    if (!existsSync(to) || statSync(to).size !== statSync(from).size) copyFileSync(from, to);
  }
}

/** Running functions may be loading these files: replace them atomically, and only when they changed. */
function writeIfChanged(file: string, text: string) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function writeCloudbaserc(names: string[]) {
  const file = path.join(root, 'cloudbaserc.json');
  const functions = names.map((name) => {
    const config = JSON.parse(readFileSync(path.join(functionsDir, name, 'config.json'), 'utf8')) as Record<string, unknown>;
    return { name, ...config, handler: 'index.main', installDependency: true, ignore: ['*.ts', '**/*.ts', 'actions', 'domain', 'jobs', 'repos'] };
  });
  const rc = { version: '2.0', envId: '{{env.ENV_ID}}', functionRoot: './cloudfunctions', functions };
  const text = `${JSON.stringify(rc, null, 2)}\n`;
  writeIfChanged(file, text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  buildFunctions().then(
    (names) => console.log(`built ${names.length} functions: ${names.join(', ')}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
