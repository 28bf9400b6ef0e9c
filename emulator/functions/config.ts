import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCloudbaseCron, type CloudbaseCron } from './cron';

export interface TimerTrigger {
  name: string;
  cron: CloudbaseCron;
}

export interface FunctionSpec {
  name: string;
  dir: string;
  entry: string;
  timeoutMs: number;
  memoryMb: number;
  triggers: TimerTrigger[];
}

const DEFAULT_TIMEOUT_SECONDS = 10;
const DEFAULT_MEMORY_MB = 256;
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/** A JSON object (not null, not an array): a parsed config file, event or request body. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a function's CloudBase `config.json` (optional). Throws with the file name on bad input. */
function readFunctionConfig(dir: string, name: string): Omit<FunctionSpec, 'dir' | 'entry' | 'name'> {
  const file = join(dir, 'config.json');
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${name}/config.json 不是合法的 JSON：${(error as Error).message}`);
    }
  }
  if (!isRecord(raw)) throw new Error(`${name}/config.json 应为对象`);
  const timeout = raw.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (typeof timeout !== 'number' || !(timeout > 0) || timeout > 900) {
    throw new Error(`${name}/config.json 的 timeout 应为 1-900 秒`);
  }
  const memory = raw.memorySize ?? DEFAULT_MEMORY_MB;
  if (typeof memory !== 'number' || memory < 64) throw new Error(`${name}/config.json 的 memorySize 无效`);
  const triggersRaw = raw.triggers ?? [];
  if (!Array.isArray(triggersRaw)) throw new Error(`${name}/config.json 的 triggers 应为数组`);
  const triggers: TimerTrigger[] = [];
  for (const trigger of triggersRaw) {
    if (!isRecord(trigger) || typeof trigger.name !== 'string' || typeof trigger.config !== 'string') {
      throw new Error(`${name}/config.json 的触发器需要 name 和 config`);
    }
    if (trigger.type !== 'timer') continue;
    try {
      triggers.push({ name: trigger.name, cron: parseCloudbaseCron(trigger.config) });
    } catch (error) {
      throw new Error(`${name}/config.json 触发器 ${trigger.name}：${(error as Error).message}`);
    }
  }
  return { timeoutMs: Math.round(timeout * 1000), memoryMb: memory, triggers };
}

/** Every folder under `functionsDir` with a built `index.js` is a function. */
export function discoverFunctions(functionsDir: string): FunctionSpec[] {
  if (!existsSync(functionsDir)) return [];
  const specs: FunctionSpec[] = [];
  for (const name of readdirSync(functionsDir).sort()) {
    const dir = join(functionsDir, name);
    const entry = join(dir, 'index.js');
    if (!NAME_PATTERN.test(name) || !statSync(dir).isDirectory() || !existsSync(entry)) continue;
    specs.push({ name, dir, entry, ...readFunctionConfig(dir, name) });
  }
  return specs;
}

export function isValidFunctionName(name: string): boolean {
  return NAME_PATTERN.test(name);
}
