/**
 * The state the repo asks for: every function as build-functions bundles it (config.json: runtime,
 * timeout, memory, timer triggers, 云调用 permissions) with its environment (TZ=Asia/Shanghai, the
 * subscribe-message template ids from this shell's JIAYUAN_TMPL_* variables, the code's hash), every
 * collection with the indexes the modules declare, and the rules in security/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, TEMPLATES } from '../../cloudfunctions/modules';
import { templateEnvName } from '../../cloudfunctions/core/outbox/templates';
import { buildFunctions, functionNames } from '../build-functions';
import { CODE_HASH_VARIABLE, type DesiredState, type FunctionSpec, type Rule, type TriggerSpec } from './plan';

const ROOT = path.resolve(__dirname, '..', '..');
export const FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions');

/** Files of a function folder that are not deployed (sources are bundled into index.js). */
export const IGNORED = ['*.ts', '**/*.ts', '*.map', 'actions', 'domain', 'jobs', 'repos', 'import', 'app'];

interface FunctionConfig {
  runtime?: string;
  timeout?: number;
  memorySize?: number;
  envVariables?: Record<string, string | number | boolean>;
  triggers?: Array<{ name: string; type: string; config: string }>;
  permissions?: { openapi?: string[] };
}

export interface DesiredResult {
  state: DesiredState;
  /** Template ids this shell does not set: those messages will not be sent. */
  missingTemplates: string[];
}

/** The environment every function gets: the time zone, the template ids that are set, the mini-program state. */
export function functionEnvironment(env: NodeJS.ProcessEnv): { variables: Record<string, string>; missing: string[] } {
  const variables: Record<string, string> = { TZ: 'Asia/Shanghai' };
  const missing: string[] = [];
  for (const name of Object.keys(TEMPLATES).map(templateEnvName).sort()) {
    const value = env[name];
    if (value) variables[name] = value;
    else missing.push(name);
  }
  if (env.JIAYUAN_MP_STATE) variables.JIAYUAN_MP_STATE = env.JIAYUAN_MP_STATE;
  return { variables, missing };
}

/** One function as deployed: its config.json, the shared environment and the hash of what is uploaded. */
export function functionSpec(name: string, config: FunctionConfig, codeHash: string, environment: Record<string, string>): FunctionSpec {
  const triggers: TriggerSpec[] = (config.triggers ?? []).filter((t) => t.type === 'timer').map(({ name: n, type, config: c }) => ({ name: n, type, config: c }));
  const own = Object.fromEntries(Object.entries(config.envVariables ?? {}).map(([k, v]) => [k, String(v)]));
  return {
    name,
    runtime: config.runtime ?? 'Nodejs18.15',
    handler: 'index.main',
    timeout: config.timeout ?? 10,
    memorySize: config.memorySize ?? 256,
    installDependency: true,
    envVariables: { ...environment, ...own, [CODE_HASH_VARIABLE]: codeHash },
    triggers,
    openapi: config.permissions?.openapi ?? [],
    ignore: IGNORED,
  };
}

/** sha256 over what is uploaded and shapes the running code: the bundle, package.json, config.json. */
function codeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of ['index.js', 'package.json', 'config.json']) hash.update(file).update('\0').update(readFileSync(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export async function desiredState({ build = true, env = process.env }: { build?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<DesiredResult> {
  const names = build ? await buildFunctions({ quiet: true }) : functionNames();
  const { variables, missing } = functionEnvironment(env);
  const functions = names.map((name) => {
    const dir = path.join(FUNCTIONS_DIR, name);
    return functionSpec(name, readJson<FunctionConfig>(path.join(dir, 'config.json')), codeHash(dir), variables);
  });
  const database = readJson<{ default: Rule; collections?: Record<string, Rule> }>(path.join(ROOT, 'security', 'database.rules.json'));
  const collectionRules = Object.fromEntries(COLLECTIONS.map((c) => [c.name, database.collections?.[c.name] ?? database.default]));
  return {
    state: { functions, collections: COLLECTIONS, collectionRules, storageRule: readJson<Rule>(path.join(ROOT, 'security', 'storage.rules.json')) },
    missingTemplates: missing,
  };
}
