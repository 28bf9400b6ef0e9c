/**
 * The CloudBase side of `npm run deploy`, through the official @cloudbase/manager-node: read the
 * environment's current state, and apply a plan's steps. Needs credentials; never used by tests.
 */
import CloudBase from '@cloudbase/manager-node';
import type { IndexSpec } from '../../cloudfunctions/core/db/collections';
import type { CurrentFunction, CurrentRule, CurrentState, DeployStep, FunctionSpec, Rule, TriggerSpec } from './plan';
import { FUNCTIONS_DIR } from './desired';

export interface Credentials {
  envId: string;
  secretId: string;
  secretKey: string;
  token?: string;
}

/** ENV_ID (or TCB_ENV) and TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (/ TENCENTCLOUD_SESSIONTOKEN), or null. */
export function credentialsFrom(env: NodeJS.ProcessEnv): Credentials | null {
  const envId = env.ENV_ID || env.TCB_ENV;
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, TENCENTCLOUD_SESSIONTOKEN: token } = env;
  return envId && secretId && secretKey ? { envId, secretId, secretKey, ...(token ? { token } : {}) } : null;
}

export type Manager = InstanceType<typeof CloudBase>;

export const connect = (c: Credentials): Manager => new CloudBase({ envId: c.envId, secretId: c.secretId, secretKey: c.secretKey, token: c.token });

/** SCF keeps a timer's schedule as `{"cron": "…"}` (or the bare expression). */
function triggerConfig(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    if (typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    /* a bare expression */
  }
  return desc;
}

function parseRule(text: string | undefined): Rule | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Rule;
  } catch {
    return null;
  }
}

async function storageBucket(app: Manager): Promise<string> {
  const { EnvInfo } = await app.env.getEnvInfo();
  const bucket = EnvInfo.Storages?.[0]?.Bucket;
  if (!bucket) throw new Error('该环境没有云存储桶');
  return bucket;
}

export async function readEnvironment(app: Manager, names: { functions: string[]; collections: string[] }): Promise<CurrentState> {
  const existing = new Set<string>();
  for (let offset = 0; ; offset += 100) {
    const listed = await app.functions.listFunctions(100, offset);
    for (const f of listed) existing.add(f.FunctionName);
    if (listed.length < 100) break;
  }
  const functions = new Map<string, CurrentFunction>();
  for (const name of names.functions.filter((n) => existing.has(n))) {
    const d = await app.functions.getFunctionDetail(name);
    functions.set(name, {
      name,
      runtime: d.Runtime,
      handler: d.Handler,
      timeout: d.Timeout,
      memorySize: d.MemorySize,
      installDependency: d.InstallDependency === 'TRUE',
      envVariables: Object.fromEntries((d.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
      triggers: (d.Triggers ?? []).map((t): TriggerSpec => ({ name: t.TriggerName, type: t.Type, config: triggerConfig(t.TriggerDesc) })),
    });
  }

  const present = new Set<string>();
  for (let offset = 0; ; offset += 100) {
    const { Collections } = await app.database.listCollections({ MgoOffset: offset, MgoLimit: 100 });
    for (const c of Collections) present.add(c.CollectionName);
    if (Collections.length < 100) break;
  }
  const collections = new Map<string, IndexSpec[]>();
  for (const name of names.collections.filter((n) => present.has(n))) {
    const { Indexes = [] } = await app.database.describeCollection(name);
    collections.set(
      name,
      Indexes.filter((ix) => ix.Name !== '_id_').map((ix) => ({
        name: ix.Name,
        keys: Object.fromEntries(ix.Keys.map((k) => [k.Name ?? '', Number(k.Direction) === -1 ? -1 : 1])),
        ...(ix.Unique ? { unique: true } : {}),
      })),
    );
  }

  const collectionRules = new Map<string, CurrentRule>();
  for (let i = 0; i < names.collections.length; i += 100) {
    const { Data } = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: names.collections.slice(i, i + 100) });
    for (const p of Data.PermissionList) if (p.Resource) collectionRules.set(p.Resource, { permission: String(p.Permission ?? ''), rule: parseRule(p.SecurityRule) });
  }
  const bucket = await storageBucket(app);
  const { Data: storage } = await app.permission.describeResourcePermission({ resourceType: 'storage', resources: [bucket] });
  const s = storage.PermissionList[0];
  return { functions, collections, collectionRules, storageRule: s ? { permission: String(s.Permission ?? ''), rule: parseRule(s.SecurityRule) } : null };
}

const cloudFunction = (fn: FunctionSpec) => ({
  name: fn.name,
  runtime: fn.runtime,
  handler: fn.handler,
  timeout: fn.timeout,
  memorySize: fn.memorySize,
  installDependency: fn.installDependency,
  envVariables: fn.envVariables,
  ignore: fn.ignore,
});

/** Applies the steps in order (code before config, so the stored hash follows the code). */
export async function applySteps(app: Manager, steps: DeployStep[], log: (line: string) => void): Promise<void> {
  let bucket: string | null = null;
  for (const step of steps) {
    switch (step.kind) {
      case 'createFunction':
        await app.functions.createFunction({ func: { ...cloudFunction(step.fn), triggers: step.fn.triggers }, functionRootPath: FUNCTIONS_DIR, force: false });
        break;
      case 'updateCode':
        await app.functions.updateFunctionCode({ func: cloudFunction(step.fn), functionRootPath: FUNCTIONS_DIR });
        await app.functions.waitFunctionActive(step.fn.name);
        break;
      case 'updateConfig':
        await app.functions.updateFunctionConfig(cloudFunction(step.fn));
        await app.functions.waitFunctionActive(step.fn.name);
        break;
      case 'deleteTrigger':
        await app.functions.deleteFunctionTrigger(step.fn, step.trigger.name);
        break;
      case 'createTriggers':
        await app.functions.createFunctionTriggers(step.fn, step.triggers);
        break;
      case 'recreateFunction':
        log(`跳过：${step.fn} 需手动重建（${step.reason}）`);
        continue;
      case 'createCollection':
        await app.database.createCollectionIfNotExists(step.collection);
        break;
      case 'dropIndex':
        await app.database.updateCollection(step.collection, { DropIndexes: [{ IndexName: step.index }] });
        break;
      case 'createIndex':
        await app.database.updateCollection(step.collection, {
          CreateIndexes: [
            {
              IndexName: step.index.name,
              MgoKeySchema: {
                MgoIndexKeys: Object.entries(step.index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
                MgoIsUnique: step.index.unique === true,
              },
            },
          ],
        });
        break;
      case 'setRule': {
        const resource = step.resource === 'storage' ? (bucket ??= await storageBucket(app)) : step.name;
        await app.permission.modifyResourcePermission({ resourceType: step.resource, resource, permission: 'CUSTOM', securityRule: JSON.stringify(step.rule) });
        break;
      }
    }
    log(`完成 ${step.kind} ${'fn' in step ? (typeof step.fn === 'string' ? step.fn : step.fn.name) : 'collection' in step ? step.collection : step.name}`);
  }
}
