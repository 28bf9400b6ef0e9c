/**
 * Tencent's offline code-quality check, `checkCodeQuality` of `miniprogram-ci`, over a built
 * mini-program. It needs a `ci.Project`: the directory holding `project.config.json` (the repository
 * root, whose `miniprogramRoot` is `dist/`, as WeChat DevTools opens it), an appid (the one in
 * project.config.json) and a private key string that only upload and preview ever use. No network.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const RESULT_MARK = '@@miniprogram-ci-quality@@';

/** What the worker needs to build its `ci.Project`. */
export interface CiJob {
  projectPath: string;
  appid: string;
  /** Glob patterns, relative to projectPath, the project's file scan skips. */
  ignores: string[];
}

/** One item of `checkCodeQuality`'s answer (`MiniProgramCI.ICheckResultItem`). */
export interface CiItem {
  /** Rule id: PACKAGE_SIZE_LIMIT, JS_COMPRESS_OPEN, … */
  name: string;
  success: boolean;
  /** The rule's description, in Chinese. */
  text: string;
  docURL?: string;
  detail?: unknown;
}

export interface CiOutcome {
  items: CiItem[];
  /** What the check logged as errors: a check that throws is otherwise reported as passed. */
  errors: string[];
}

interface ProjectConfig {
  appid?: string;
  miniprogramRoot?: string;
  setting?: Record<string, unknown>;
}

export function readProjectConfig(dir: string): ProjectConfig | undefined {
  const file = path.join(dir, 'project.config.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProjectConfig) : undefined;
}

/**
 * The project WeChat DevTools would open for `distDir`: its parent when the parent's
 * project.config.json points its miniprogramRoot at distDir (this repository), else distDir itself
 * (Taro copies project.config.json into the build with miniprogramRoot "./").
 */
export function projectFor(distDir: string): CiJob & { config: ProjectConfig } {
  const dist = path.resolve(distDir);
  const parent = path.dirname(dist);
  const outer = readProjectConfig(parent);
  if (outer?.miniprogramRoot && path.resolve(parent, outer.miniprogramRoot) === dist) {
    const keep = new Set(['project.config.json', path.relative(parent, dist).split(path.sep)[0]]);
    const ignores = readdirSync(parent)
      .filter((name) => !keep.has(name))
      .flatMap((name) => [name, `${name}/**`]);
    return { projectPath: parent, appid: outer.appid || 'touristappid', ignores, config: outer };
  }
  const inner = readProjectConfig(dist);
  if (!inner) throw new Error(`找不到 project.config.json：${parent} 与 ${dist} 中都没有指向该目录的项目配置`);
  return { projectPath: dist, appid: inner.appid || 'touristappid', ignores: [], config: inner };
}

/** Runs `ci.checkCodeQuality` for the project of `distDir` in a child process. */
export function runMiniprogramCi(job: CiJob, timeoutMs = 120_000): Promise<CiOutcome> {
  const worker = path.join(__dirname, 'ciWorker.ts');
  const tsxCjs = createRequire(__filename).resolve('tsx/cjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', tsxCjs, worker, JSON.stringify(job)],
      { cwd: job.projectPath, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        const at = stdout.lastIndexOf(RESULT_MARK);
        if (error || at < 0) {
          reject(new Error(`miniprogram-ci 代码质量检查未能运行：${error?.message ?? '没有结果'}\n${stderr}`));
          return;
        }
        resolve(JSON.parse(stdout.slice(at + RESULT_MARK.length).trim()) as CiOutcome);
      },
    );
  });
}
