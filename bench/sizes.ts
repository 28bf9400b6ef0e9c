import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './result';

function bytesUnder(dir: string, skip: (rel: string) => boolean = () => false, base = dir): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(base, full);
    if (skip(rel) || entry.name.endsWith('.map')) continue;
    total += entry.isDirectory() ? bytesUnder(full, skip, base) : statSync(full).size;
  }
  return total;
}

/** Main package and subpackage sizes of the production weapp build in `dist/`, as WeChat counts them. */
export function weappSizes(dist: string): BenchResult[] {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const results: BenchResult[] = [
    { name: 'weapp.main_package.bytes', unit: 'bytes', value: bytesUnder(dist, (rel) => roots.some((r) => rel === r || rel.startsWith(`${r}/`))) },
  ];
  for (const root of roots) {
    results.push({ name: `weapp.subpackage.${path.basename(root)}.bytes`, unit: 'bytes', value: bytesUnder(path.join(dist, root)) });
  }
  return results;
}

/** Gzipped size of the JavaScript the H5 app's index.html loads before the first page renders. */
export function h5FirstLoad(distH5: string): BenchResult[] {
  const html = readFileSync(path.join(distH5, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((m) => path.join(distH5, m[1]));
  const gz = scripts.filter(existsSync).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  return [{ name: 'h5.first_load_js.gzip_bytes', unit: 'bytes', value: gz }];
}
