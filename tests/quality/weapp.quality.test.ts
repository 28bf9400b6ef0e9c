/**
 * WeChat's mini-program code-quality rules (miniprogram-ci's offline 代码质量 check plus the
 * project's budgets; see scripts/quality/weapp.ts) over the production weapp build in dist/, which
 * `npm test` builds first (scripts/test.ts, NODE_ENV=production).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWeappQuality, type QualityRule } from '../../scripts/quality/weapp';
import { mainPackageModules, readWebpackGraph } from '../../scripts/quality/webpackModules';

const DIST = path.resolve(__dirname, '..', '..', 'dist');
const BUILD_HINT = 'dist/ 中没有 weapp 构建：先运行 NODE_ENV=production npx taro build --type weapp';

jest.setTimeout(180_000);

const failures = (rules: QualityRule[]) => rules.filter((r) => !r.passed).map((r) => `${r.id}（${r.name}）：${r.detail}`);

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiayuan-quality-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it('the production weapp build passes every code-quality rule', async () => {
  expect(existsSync(path.join(DIST, 'app.json')) ? 'built' : BUILD_HINT).toBe('built');
  const report = await checkWeappQuality(DIST);
  // The failing rules with what was found; an empty list when all pass.
  expect(failures(report.rules)).toEqual([]);
  expect(report.failed).toBe(0);
  expect(report.rules.map((r) => r.id)).toEqual(
    expect.arrayContaining([
      'PACKAGE_SIZE_LIMIT',
      'JS_COMPRESS_OPEN',
      'WXML_COMPRESS_OPEN',
      'WXSS_COMPRESS_OPEN',
      'LAZYCODE_LOADING_OPEN',
      'IMAGE_AND_AUDIO_LIMIT',
      'CONTAINS_OTHER_PKG_JS',
      'CONTAINS_OTHER_PKG_COMPONENTS',
      'CONTAINS_UNUSED_PLUGINS',
      'CONTAINS_UNUSED_COMPONENTS',
      'CONTAINS_UNUSED_CODES',
      'MAIN_PACKAGE_BUDGET',
      'SUBPACKAGE_BUDGET',
    ]),
  );
  expect(report.packages.main).toBeGreaterThan(0);
  expect(report.packages.main).toBeLessThanOrEqual(512 * 1024);
  for (const bytes of Object.values(report.packages.subpackages)) expect(bytes).toBeLessThanOrEqual(256 * 1024);
});

it('a build that breaks the rules is caught, each by its rule', async () => {
  expect(existsSync(path.join(DIST, 'app.json')) ? 'built' : BUILD_HINT).toBe('built');
  const dist = path.join(tempDir(), 'dist');
  cpSync(DIST, dist, { recursive: true });
  // No project.config.json beside the copy: the check uses the one Taro writes into the build.
  const config = JSON.parse(readFileSync(path.join(dist, 'project.config.json'), 'utf8')) as { setting?: Record<string, unknown> };
  writeFileSync(path.join(dist, 'project.config.json'), JSON.stringify({ ...config, setting: { ...config.setting, minified: false } }));
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as Record<string, unknown>;
  delete app.lazyCodeLoading;
  writeFileSync(path.join(dist, 'app.json'), JSON.stringify(app));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'assets', 'banner.png'), Buffer.alloc(250 * 1024, 1));
  writeFileSync(path.join(dist, 'assets', 'leftover.js'), `module.exports = {\n${'    answer: 42,\n'.repeat(40)}};\n`);
  // What Taro's mini.minifyXML (html-minifier) does to <input>: WeChat's compiler rejects it.
  const wxml = readFileSync(path.join(dist, 'base.wxml'), 'utf8');
  expect(wxml).toContain('</input>');
  writeFileSync(path.join(dist, 'base.wxml'), wxml.replace(/<\/input>/g, ''));

  const report = await checkWeappQuality(dist);
  const failed = report.rules.filter((r) => !r.passed).map((r) => r.id);
  expect(failed).toEqual(
    expect.arrayContaining(['JS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN', 'IMAGE_AND_AUDIO_LIMIT', 'CONTAINS_UNUSED_CODES', 'BUILD_JS_MINIFIED', 'BUILD_WXML_WELL_FORMED']),
  );
  expect(report.rules.find((r) => r.id === 'IMAGE_AND_AUDIO_LIMIT')?.detail).toContain('assets/banner.png');
  expect(report.rules.find((r) => r.id === 'CONTAINS_UNUSED_CODES')?.detail).toContain('assets/leftover.js');
  expect(report.rules.find((r) => r.id === 'BUILD_WXML_WELL_FORMED')?.detail).toContain('<input> 未闭合');
  expect(report.failed).toBe(failed.length);
});

it('a module in the main package that only a subpackage page requires is found inside the shared chunk', () => {
  const dist = tempDir();
  const chunk = (ids: number[], modules: Record<number, string>, entry?: number) =>
    `"use strict";(wx["webpackJsonp"]=wx["webpackJsonp"]||[]).push([[${ids.join(',')}],{${Object.entries(modules)
      .map(([id, body]) => `${id}:function(e,n,t){${body}}`)
      .join(',')}}${entry === undefined ? '' : `,function(e){var n=function(n){return e(e.s=n)};e.O(0,[76],function(){return n(${entry})});e.O()}`}]);`;
  mkdirSync(path.join(dist, 'pages', 'home'), { recursive: true });
  mkdirSync(path.join(dist, 'packages', 'admin'), { recursive: true });
  // common.js: 10 used by home, 11 used by 10, 12 used only by the admin page, 13 by nobody.
  writeFileSync(path.join(dist, 'common.js'), chunk([76], { 10: 't(11);var r=function(t){return t(12)}', 11: 'e.exports=1', 12: 'e.exports=2', 13: 'e.exports=3' }));
  writeFileSync(path.join(dist, 'pages', 'home', 'index.js'), chunk([1], { 1: 't(10)' }, 1));
  writeFileSync(path.join(dist, 'packages', 'admin', 'index.js'), chunk([2], { 2: 't(12);t(11)' }, 2));

  const report = mainPackageModules(readWebpackGraph(dist), ['packages/admin']);
  // `t(12)` inside the inner function calls its own parameter, not webpack's require.
  expect(report.onlyForSubpackages.map((m) => [m.file, m.id])).toEqual([['common.js', 12]]);
  expect(report.unreachable.map((m) => m.id)).toEqual([13]);
});
