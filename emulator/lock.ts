/**
 * One local cloud per data folder: `<dataDir>/local-cloud.lock` names the process using it and its
 * URL, so a second process (e.g. a seed script) can use the running one instead of opening the
 * same SQLite file behind its back.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningCloud {
  pid: number;
  /** Empty while the server is still starting. */
  url: string;
}

const LOCK_FILE = 'local-cloud.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The local cloud using `dataDir`, or null (no lock, or its process is gone). */
export function runningCloud(dataDir: string): RunningCloud | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
  const { pid, url } = (parsed ?? {}) as { pid?: unknown; url?: unknown };
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  return { pid, url: typeof url === 'string' ? url : '' };
}

export interface DataDirLock {
  /** Records the URL once the server listens. */
  setUrl(url: string): void;
  release(): void;
}

/** Takes `dataDir` for this process; throws when another live local cloud holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  const write = (url: string, flag: 'wx' | 'w') => writeFileSync(file, JSON.stringify({ pid: process.pid, url }), { flag });
  try {
    write('', 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = runningCloud(dataDir);
    if (holder) {
      throw new Error(
        `数据目录 ${dataDir} 正被另一个本地云环境使用（进程 ${holder.pid}${holder.url ? `，${holder.url}` : ''}）；` +
          `若该进程并不是本地云环境，删除 ${file} 后重试`,
      );
    }
    // Left behind by a process that is gone.
    write('', 'w');
  }
  let held = true;
  return {
    setUrl(url) {
      if (held) write(url, 'w');
    },
    release() {
      if (!held) return;
      held = false;
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    },
  };
}
