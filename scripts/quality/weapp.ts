/**
 * The mini-program code-quality rules (小程序代码质量) over the production weapp build in `dist/`.
 *
 * Tencent's own check runs offline: `miniprogram-ci`'s `checkCodeQuality` (the 代码质量 panel of
 * WeChat DevTools; rules in miniprogram-ci/dist/ci/utils/qualitycheckoption.js, documented at
 * https://developers.weixin.qq.com/community/develop/doc/00040e5a0846706e893dcc24256009). Its answer
 * is taken as is, except where the check is weaker than its own rule, which is then read strictly:
 * - CONTAINS_OTHER_PKG_COMPONENTS: miniprogram-ci always reports it passed; it fails here when the
 *   check found components.
 * - CONTAINS_UNUSED_CODES: passed by miniprogram-ci unless `ignoreUploadUnusedFiles` is off; fails
 *   here when there is any file nothing depends on.
 * - IMAGE_AND_AUDIO_LIMIT: miniprogram-ci limits the images' and audio's total; each file too here.
 * - LAZYCODE_LOADING_OPEN: the value must be "requiredComponents", the only one WeChat defines.
 * - PLUGIN_OVER_SIZE and CONTAINS_APPSECRET are in Tencent's list but miniprogram-ci has no check
 *   for them: plugins (none is allowed unmeasured) and AppSecret-shaped values are looked for here.
 * Then the project's own budgets and what the compression switches promise of the build itself:
 * - MAIN_PACKAGE_BUDGET ≤ 512 KB, SUBPACKAGE_BUDGET ≤ 256 KB each (as miniprogram-ci counts them);
 * - BUILD_JS_MINIFIED / BUILD_WXSS_MINIFIED: the built files carry no layout (WXML is compressed
 *   by WeChat at upload, WXML_COMPRESS_OPEN: Taro's own minifyXML breaks `<input>`, NervJS/taro#10848);
 * - BUILD_WXML_WELL_FORMED: every WXML element is closed, as WeChat's compiler requires;
 * - MAIN_PACKAGE_MODULES_FOR_SUBPACKAGES: no webpack module inside the main package's common
 *   chunks (common.js, vendors.js, taro.js…) that only subpackage pages reach — what
 *   CONTAINS_OTHER_PKG_JS means, at the level Taro bundles at;
 * - MINIPROGRAM_CI_ERRORS: miniprogram-ci logged no error (a check that throws reports "passed").
 *
 * CLI: `npx tsx scripts/quality/weapp.ts [distDir]` prints the table; exit code 1 if a rule fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectFor, runMiniprogramCi, type CiItem } from './miniprogramCi';
import { mainPackageModules, readWebpackGraph } from './webpackModules';

export interface QualityRule {
  /** Tencent's rule id (miniprogram-ci) or this project's. */
  id: string;
  /** What the rule asks, in Chinese. */
  name: string;
  passed: boolean;
  /** What was found, in Chinese. */
  detail: string;
  source: 'miniprogram-ci' | 'jiayuan';
}

export interface WeappQualityReport {
  rules: QualityRule[];
  failed: number;
  /** Bytes per package as miniprogram-ci counts them: `main`, then each subpackage root. */
  packages: { main: number; subpackages: Record<string, number> };
}

export const BUDGETS = {
  mainPackageBytes: 512 * 1024,
  subpackageBytes: 256 * 1024,
  /** Each image or audio file; miniprogram-ci also holds their total to this. */
  mediaBytes: 200 * 1024,
} as const;

/** miniprogram-ci's extensions for IMAGE_AND_AUDIO_LIMIT. */
const MEDIA_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.svg', '.webp', '.gif', '.flac', '.m4a', '.ogg', '.ape', '.amr', '.wma', '.wav', '.mp3', '.mp4', '.aac', '.aiff', '.caf'];

/** Tencent's rules miniprogram-ci answers, in its order, with their names. */
const CI_RULES: Array<[id: string, name: string]> = [
  ['PACKAGE_SIZE_LIMIT', '主包与每个分包小于 1.5 MB（不含插件）'],
  ['JS_COMPRESS_OPEN', '开启 JS 文件压缩'],
  ['WXML_COMPRESS_OPEN', '开启 WXML 文件压缩'],
  ['WXSS_COMPRESS_OPEN', '开启 WXSS 文件压缩'],
  ['LAZYCODE_LOADING_OPEN', '启用组件按需注入（lazyCodeLoading）'],
  ['IMAGE_AND_AUDIO_LIMIT', '图片和音频资源不超过 200 KB'],
  ['CONTAINS_OTHER_PKG_JS', '主包内没有只被分包使用的 JS 文件'],
  ['CONTAINS_OTHER_PKG_COMPONENTS', '主包内没有只被分包使用的组件'],
  ['CONTAINS_UNUSED_PLUGINS', '没有未使用的插件'],
  ['CONTAINS_UNUSED_COMPONENTS', '没有未使用的组件'],
  ['CONTAINS_UNUSED_CODES', '没有无依赖的代码文件'],
];

const kb = (bytes: number) => `${Number((bytes / 1024).toFixed(1))} KB`;

/** At most `max` items, then how many more. */
function listed(items: string[], max = 8): string {
  if (items.length === 0) return '无';
  return items.length > max ? `${items.slice(0, max).join('，')} 等 ${items.length} 项` : items.join('，');
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

interface AppJson {
  lazyCodeLoading?: string;
  plugins?: Record<string, { provider?: string }>;
  subPackages?: Array<{ root: string; plugins?: Record<string, { provider?: string }> }>;
  subpackages?: Array<{ root: string; plugins?: Record<string, { provider?: string }> }>;
}

/**
 * Bytes of layout a minifier would have removed: line breaks with their indentation, runs of blanks,
 * and (WXML, WXSS) comments other than `/*!` licences.
 */
export function layoutBytes(text: string, kind: 'js' | 'wxml' | 'wxss'): number {
  let waste = 0;
  for (const m of text.matchAll(/\r?\n[ \t]*|[ \t]{2,}/g)) waste += m[0].length;
  if (kind === 'wxml') for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) waste += m[0].length;
  if (kind === 'wxss') for (const m of text.matchAll(/\/\*(?!!)[\s\S]*?\*\//g)) waste += m[0].length;
  return waste;
}

/**
 * Elements left open or closed out of order: WeChat's WXML compiler wants every element closed
 * (`<input …></input>` or `<input …/>`), unlike HTML's void elements.
 */
export function wxmlProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const tag = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w.:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  for (const m of text.matchAll(tag)) {
    const [, closing, name, , selfClosing] = m;
    if (!name || selfClosing) continue;
    if (!closing) open.push(name);
    else if (open[open.length - 1] === name) open.pop();
    else {
      problems.push(`</${name}> 之前 <${open[open.length - 1] ?? '（无）'}> 未闭合`);
      if (problems.length >= 5) return problems;
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    }
  }
  return [...problems, ...open.map((name) => `<${name}> 未闭合`)].slice(0, 5);
}

/** A file counts as minified when its layout is at most 1 % of it (64 bytes for small files). */
function minifiedRule(dist: string, files: string[], kind: 'js' | 'wxss', id: string, name: string): QualityRule {
  const ext = `.${kind}`;
  const offenders = files
    .filter((f) => f.endsWith(ext))
    .map((f) => {
      const text = readFileSync(path.join(dist, f), 'utf8');
      return { f, size: Buffer.byteLength(text), waste: layoutBytes(text, kind) };
    })
    .filter(({ size, waste }) => waste > Math.max(64, size * 0.01))
    .sort((a, b) => b.waste - a.waste);
  const count = files.filter((f) => f.endsWith(ext)).length;
  return {
    id,
    name,
    passed: offenders.length === 0,
    detail:
      offenders.length === 0
        ? `${count} 个 ${kind.toUpperCase()} 文件均已压缩`
        : `未压缩：${listed(offenders.map((o) => `${o.f}（换行与缩进 ${kb(o.waste)} / ${kb(o.size)}）`))}`,
    source: 'jiayuan',
  };
}

/** Every rule over the production weapp build in `distDir`. */
export async function checkWeappQuality(distDir: string): Promise<WeappQualityReport> {
  const dist = path.resolve(distDir);
  const job = projectFor(dist);
  // miniprogram-ci runs in its own process meanwhile.
  const running = runMiniprogramCi(job);
  running.catch(() => undefined);
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson;
  const subpackages = app.subPackages ?? app.subpackages ?? [];
  const roots = subpackages.map((p) => p.root.replace(/\/$/, ''));
  const files = filesUnder(dist);
  const setting = job.config.setting ?? {};
  const configFile = path.relative(process.cwd(), path.join(job.projectPath, 'project.config.json')) || 'project.config.json';
  const modules = mainPackageModules(readWebpackGraph(dist), roots);
  const outcome = await running;
  const byId = new Map<string, CiItem>(outcome.items.map((item) => [item.name, item]));

  // Package sizes as miniprogram-ci counts them (the files WeChat uploads).
  const sizeDetail = (byId.get('PACKAGE_SIZE_LIMIT')?.detail ?? {}) as Record<string, number>;
  const packages = { main: sizeDetail.__APP__ ?? 0, subpackages: {} as Record<string, number> };
  for (const [key, bytes] of Object.entries(sizeDetail)) if (key !== '__APP__') packages.subpackages[key.replace(/\/$/, '')] = bytes;
  const sizesText = [`主包 ${kb(packages.main)}`, ...Object.entries(packages.subpackages).map(([root, bytes]) => `${root} ${kb(bytes)}`)].join('；');

  const media = files
    .filter((f) => MEDIA_EXTENSIONS.includes(path.extname(f).toLowerCase()))
    .map((f) => ({ f, size: statSync(path.join(dist, f)).size }))
    .sort((a, b) => b.size - a.size);
  const mediaTotal = media.reduce((sum, m) => sum + m.size, 0);

  const ciDetail = (id: string, item: CiItem | undefined): { passed: boolean; detail: string } => {
    if (!item) return { passed: false, detail: 'miniprogram-ci 未给出该项结果' };
    const d = item.detail;
    switch (id) {
      case 'PACKAGE_SIZE_LIMIT':
        return { passed: item.success, detail: sizesText };
      case 'JS_COMPRESS_OPEN':
        return { passed: item.success, detail: `${configFile} setting.minified = ${String(setting.minified)}` };
      case 'WXML_COMPRESS_OPEN':
        return { passed: item.success, detail: `${configFile} setting.minifyWXML = ${String(setting.minifyWXML)}` };
      case 'WXSS_COMPRESS_OPEN':
        return { passed: item.success, detail: `${configFile} setting.minifyWXSS = ${String(setting.minifyWXSS)}` };
      case 'LAZYCODE_LOADING_OPEN':
        return {
          passed: item.success && app.lazyCodeLoading === 'requiredComponents',
          detail: `app.json lazyCodeLoading = ${app.lazyCodeLoading === undefined ? '未设置' : JSON.stringify(app.lazyCodeLoading)}`,
        };
      case 'IMAGE_AND_AUDIO_LIMIT': {
        const big = media.filter((m) => m.size > BUDGETS.mediaBytes);
        return {
          passed: item.success && big.length === 0,
          detail:
            media.length === 0
              ? '没有图片或音频文件'
              : `${media.length} 个，合计 ${kb(mediaTotal)}；${big.length > 0 ? `超过 200 KB：${listed(big.map((m) => `${m.f} ${kb(m.size)}`))}` : `最大 ${media[0].f} ${kb(media[0].size)}`}`,
        };
      }
      case 'CONTAINS_OTHER_PKG_JS': {
        const found = (d ?? { files: [], size: 0 }) as { files: string[]; size: number };
        return { passed: item.success, detail: found.files.length === 0 ? '无' : `${listed(found.files)}（${kb(found.size)}）` };
      }
      case 'CONTAINS_OTHER_PKG_COMPONENTS': {
        const found = (d ?? { comps: [], size: 0 }) as { comps: string[]; size: number };
        return { passed: found.comps.length === 0, detail: found.comps.length === 0 ? '无' : `${listed(found.comps)}（${kb(found.size)}）` };
      }
      case 'CONTAINS_UNUSED_CODES': {
        const found = (d ?? []) as string[];
        return { passed: found.length === 0, detail: listed(found) };
      }
      default:
        return { passed: item.success, detail: Array.isArray(d) ? listed(d.map(String)) : item.text };
    }
  };

  const rules: QualityRule[] = CI_RULES.map(([id, name]) => ({ id, name, ...ciDetail(id, byId.get(id)), source: 'miniprogram-ci' as const }));

  const plugins = [
    ...Object.entries(app.plugins ?? {}).map(([alias, p]) => p.provider ?? alias),
    ...subpackages.flatMap((s) => Object.entries(s.plugins ?? {}).map(([alias, p]) => `${s.root}:${p.provider ?? alias}`)),
  ];
  rules.push({
    id: 'PLUGIN_OVER_SIZE',
    name: '不引用过大插件（超过 200 KB）',
    passed: plugins.length === 0,
    detail: plugins.length === 0 ? '未引用插件' : `引用了插件 ${listed(plugins)}，离线无法核对其大小`,
    source: 'jiayuan',
  });

  const secretLike = /app_?secret["'\s]*[:=]\s*["'][0-9a-f]{32}["']/i;
  const secrets = files.filter((f) => /\.(js|json|wxml|wxs)$/.test(f) && secretLike.test(readFileSync(path.join(dist, f), 'utf8')));
  rules.push({
    id: 'CONTAINS_APPSECRET',
    name: '代码中没有 AppSecret',
    passed: secrets.length === 0,
    detail: secrets.length === 0 ? '未发现' : `疑似 AppSecret：${listed(secrets)}`,
    source: 'jiayuan',
  });

  rules.push({
    id: 'MAIN_PACKAGE_BUDGET',
    name: `主包不超过 ${kb(BUDGETS.mainPackageBytes)}`,
    passed: packages.main > 0 && packages.main <= BUDGETS.mainPackageBytes,
    detail: `主包 ${kb(packages.main)}（${packages.main} 字节）`,
    source: 'jiayuan',
  });
  const overSub = Object.entries(packages.subpackages).filter(([, bytes]) => bytes > BUDGETS.subpackageBytes);
  rules.push({
    id: 'SUBPACKAGE_BUDGET',
    name: `每个分包不超过 ${kb(BUDGETS.subpackageBytes)}`,
    passed: overSub.length === 0 && Object.keys(packages.subpackages).length === roots.length,
    detail:
      overSub.length > 0
        ? `超出：${overSub.map(([root, bytes]) => `${root} ${kb(bytes)}`).join('，')}`
        : Object.entries(packages.subpackages)
            .map(([root, bytes]) => `${root} ${kb(bytes)}`)
            .join('；') || '没有分包',
    source: 'jiayuan',
  });

  rules.push(minifiedRule(dist, files, 'js', 'BUILD_JS_MINIFIED', '构建产物 JS 已压缩'));
  const malformed = files.filter((f) => f.endsWith('.wxml')).flatMap((f) => wxmlProblems(readFileSync(path.join(dist, f), 'utf8')).map((p) => `${f}：${p}`));
  rules.push({
    id: 'BUILD_WXML_WELL_FORMED',
    name: '构建产物 WXML 标签成对闭合',
    passed: malformed.length === 0,
    detail: malformed.length === 0 ? `${files.filter((f) => f.endsWith('.wxml')).length} 个 WXML 文件结构完整` : listed(malformed, 5),
    source: 'jiayuan',
  });
  rules.push(minifiedRule(dist, files, 'wxss', 'BUILD_WXSS_MINIFIED', '构建产物 WXSS 已压缩'));

  const forSub = modules.onlyForSubpackages;
  rules.push({
    id: 'MAIN_PACKAGE_MODULES_FOR_SUBPACKAGES',
    name: '主包公共代码中没有只被分包使用的模块',
    passed: forSub.length === 0,
    detail:
      forSub.length === 0
        ? '无'
        : `${listed(forSub.map((m) => `${m.file} 模块 ${m.id}（${kb(m.size)}：${m.excerpt.slice(0, 60)}）`), 5)}，合计 ${kb(forSub.reduce((s, m) => s + m.size, 0))}`,
    source: 'jiayuan',
  });

  rules.push({
    id: 'MINIPROGRAM_CI_ERRORS',
    name: 'miniprogram-ci 检查过程没有报错',
    passed: outcome.errors.length === 0,
    detail: outcome.errors.length === 0 ? '无' : outcome.errors.join('\n').slice(0, 2000),
    source: 'jiayuan',
  });

  return { rules, failed: rules.filter((r) => !r.passed).length, packages };
}

/** The report as a table of lines. */
export function formatReport(report: WeappQualityReport): string {
  const width = Math.max(...report.rules.map((r) => r.id.length));
  const lines = report.rules.map((r) => `${r.passed ? '✔' : '✘'} ${r.id.padEnd(width)}  ${r.name}\n    ${r.detail.replace(/\n/g, '\n    ')}`);
  lines.push('', report.failed === 0 ? `全部 ${report.rules.length} 项通过` : `${report.failed} / ${report.rules.length} 项未通过`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'dist'));
  checkWeappQuality(dist).then(
    (report) => {
      console.log(formatReport(report));
      process.exit(report.failed === 0 ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
