/**
 * The deploy plan: what to change so a CloudBase environment matches the repo. Pure: the desired
 * state (functions as built, collections and indexes as declared, security rules) against the
 * environment's current state, as steps. What already matches is not touched, so a second run
 * after a successful one plans nothing.
 */
import type { CollectionSpec, IndexSpec } from '../../cloudfunctions/core/db/collections';

export interface TriggerSpec {
  name: string;
  type: string;
  /** CloudBase cron: `<sec> <min> <hour> <day> <month> <week> <year>`. */
  config: string;
}

export interface FunctionSpec {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers: TriggerSpec[];
  /** 云调用 permissions; they travel in config.json with the code. */
  openapi: string[];
  /** Files left out of the uploaded folder. */
  ignore: string[];
}

/** A CloudBase security rule (`read`/`write`: a boolean or an expression). */
export type Rule = Record<string, boolean | string>;

export interface DesiredState {
  functions: FunctionSpec[];
  collections: readonly CollectionSpec[];
  /** Each collection's rule. */
  collectionRules: Record<string, Rule>;
  storageRule: Rule;
}

export interface CurrentFunction {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers: TriggerSpec[];
}

export interface CurrentRule {
  permission: string;
  rule: Rule | null;
}

export interface CurrentState {
  functions: ReadonlyMap<string, CurrentFunction>;
  /** Collections with their indexes (the automatic `_id_` left out). */
  collections: ReadonlyMap<string, IndexSpec[]>;
  collectionRules: ReadonlyMap<string, CurrentRule>;
  storageRule: CurrentRule | null;
}

export const EMPTY_ENVIRONMENT: CurrentState = { functions: new Map(), collections: new Map(), collectionRules: new Map(), storageRule: null };

/** The code hash lives in the function's environment, so a later run knows which code it runs. */
export const CODE_HASH_VARIABLE = 'JIAYUAN_CODE_SHA256';

export type DeployStep =
  | { kind: 'createFunction'; fn: FunctionSpec }
  | { kind: 'updateCode'; fn: FunctionSpec }
  | { kind: 'updateConfig'; fn: FunctionSpec; changed: string[] }
  | { kind: 'deleteTrigger'; fn: string; trigger: TriggerSpec }
  | { kind: 'createTriggers'; fn: string; triggers: TriggerSpec[] }
  /** Runtime and handler are fixed when a function is created: someone has to recreate it. */
  | { kind: 'recreateFunction'; fn: string; reason: string }
  | { kind: 'createCollection'; collection: string }
  | { kind: 'dropIndex'; collection: string; index: string }
  | { kind: 'createIndex'; collection: string; index: IndexSpec }
  | { kind: 'setRule'; resource: 'collection' | 'storage'; name: string; rule: Rule };

export interface DeployPlan {
  steps: DeployStep[];
  unchanged: { functions: number; collections: number; rules: number };
}

/** The environment variables the repo sets (TZ and JIAYUAN_*); any other is the console's. */
export const isOwnedVariable = (key: string) => key === 'TZ' || key.startsWith('JIAYUAN_');

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedEntries = (o: Record<string, string>) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const triggerKey = (t: TriggerSpec) => `${t.name}|${t.type}|${t.config.trim().replace(/\s+/g, ' ')}`;
const indexKey = (ix: IndexSpec) => JSON.stringify([Object.entries(ix.keys), ix.unique === true]);

function planFunction(fn: FunctionSpec, current: CurrentFunction | undefined): DeployStep[] {
  if (!current) return [{ kind: 'createFunction', fn }];
  const steps: DeployStep[] = [];
  if (current.runtime !== fn.runtime) steps.push({ kind: 'recreateFunction', fn: fn.name, reason: `运行环境为 ${current.runtime}，仓库要求 ${fn.runtime}` });
  if (current.handler !== fn.handler) steps.push({ kind: 'recreateFunction', fn: fn.name, reason: `入口为 ${current.handler}，仓库要求 ${fn.handler}` });
  if (current.envVariables[CODE_HASH_VARIABLE] !== fn.envVariables[CODE_HASH_VARIABLE]) steps.push({ kind: 'updateCode', fn });
  const changed: string[] = [];
  if (current.timeout !== fn.timeout) changed.push(`超时 ${current.timeout}→${fn.timeout} 秒`);
  if (current.memorySize !== fn.memorySize) changed.push(`内存 ${current.memorySize}→${fn.memorySize} MB`);
  if (current.installDependency !== fn.installDependency) changed.push(`在线安装依赖 ${fn.installDependency ? '开启' : '关闭'}`);
  // Variables the repo owns are compared; others (set in the console) are kept as they are.
  const owned = (vars: Record<string, string>) => Object.fromEntries(Object.entries(vars).filter(([k]) => isOwnedVariable(k)));
  if (!sameJson(sortedEntries(owned(current.envVariables)), sortedEntries(fn.envVariables))) {
    const keys = new Set([...Object.keys(owned(current.envVariables)), ...Object.keys(fn.envVariables)]);
    changed.push(`环境变量 ${[...keys].filter((k) => current.envVariables[k] !== fn.envVariables[k]).sort().join('、')}`);
  }
  const others = Object.fromEntries(Object.entries(current.envVariables).filter(([k]) => !isOwnedVariable(k)));
  if (changed.length > 0) steps.push({ kind: 'updateConfig', fn: { ...fn, envVariables: { ...others, ...fn.envVariables } }, changed });
  // A trigger cannot be edited: one whose schedule changed is deleted and created again.
  const wanted = new Set(fn.triggers.map(triggerKey));
  const have = new Set(current.triggers.map(triggerKey));
  for (const t of current.triggers) if (!wanted.has(triggerKey(t))) steps.push({ kind: 'deleteTrigger', fn: fn.name, trigger: t });
  const missing = fn.triggers.filter((t) => !have.has(triggerKey(t)));
  if (missing.length > 0) steps.push({ kind: 'createTriggers', fn: fn.name, triggers: missing });
  return steps;
}

function planCollection(spec: CollectionSpec, current: IndexSpec[] | undefined): DeployStep[] {
  const steps: DeployStep[] = [];
  if (!current) steps.push({ kind: 'createCollection', collection: spec.name });
  const have = new Map((current ?? []).map((ix) => [ix.name, ix]));
  const declared = new Map(spec.indexes.map((ix) => [ix.name, ix]));
  // Undeclared indexes go, and so does a declared name whose keys or uniqueness changed (then rebuilt).
  for (const ix of current ?? []) {
    const want = declared.get(ix.name);
    if (!want || indexKey(want) !== indexKey(ix)) steps.push({ kind: 'dropIndex', collection: spec.name, index: ix.name });
  }
  for (const ix of spec.indexes) {
    const found = have.get(ix.name);
    if (!found || indexKey(found) !== indexKey(ix)) steps.push({ kind: 'createIndex', collection: spec.name, index: ix });
  }
  return steps;
}

const ruleMatches = (want: Rule, current: CurrentRule | null | undefined) => current?.permission === 'CUSTOM' && current.rule !== null && sameJson(sortRule(current.rule), sortRule(want));
const sortRule = (rule: Rule) => Object.fromEntries(Object.entries(rule).sort(([a], [b]) => (a < b ? -1 : 1)));

export function planDeploy(desired: DesiredState, current: CurrentState): DeployPlan {
  const steps: DeployStep[] = [];
  const unchanged = { functions: 0, collections: 0, rules: 0 };
  for (const fn of desired.functions) {
    const s = planFunction(fn, current.functions.get(fn.name));
    if (s.length === 0) unchanged.functions += 1;
    steps.push(...s);
  }
  for (const spec of desired.collections) {
    const s = planCollection(spec, current.collections.get(spec.name));
    if (s.length === 0) unchanged.collections += 1;
    steps.push(...s);
  }
  for (const spec of desired.collections) {
    const rule = desired.collectionRules[spec.name];
    if (ruleMatches(rule, current.collectionRules.get(spec.name))) unchanged.rules += 1;
    else steps.push({ kind: 'setRule', resource: 'collection', name: spec.name, rule });
  }
  if (ruleMatches(desired.storageRule, current.storageRule)) unchanged.rules += 1;
  else steps.push({ kind: 'setRule', resource: 'storage', name: 'storage', rule: desired.storageRule });
  return { steps, unchanged };
}

/** Each step in words, as `npm run deploy` prints it. */
export function describeStep(step: DeployStep): string {
  const timers = (ts: TriggerSpec[]) => ts.map((t) => `${t.name}「${t.config}」`).join('，');
  switch (step.kind) {
    case 'createFunction':
      return `+ 创建云函数 ${step.fn.name}（上传代码${step.fn.triggers.length ? `，定时触发器 ${timers(step.fn.triggers)}` : ''}）`;
    case 'updateCode':
      return `~ 更新云函数 ${step.fn.name} 的代码（sha256 ${step.fn.envVariables[CODE_HASH_VARIABLE]?.slice(0, 12)}）`;
    case 'updateConfig':
      return `~ 更新云函数 ${step.fn.name} 的配置：${step.changed.join('；')}`;
    case 'deleteTrigger':
      return `- 删除云函数 ${step.fn} 的定时触发器 ${step.trigger.name}「${step.trigger.config}」`;
    case 'createTriggers':
      return `+ 创建云函数 ${step.fn} 的定时触发器 ${timers(step.triggers)}`;
    case 'recreateFunction':
      return `! 云函数 ${step.fn} 需在控制台删除后重新部署：${step.reason}`;
    case 'createCollection':
      return `+ 创建集合 ${step.collection}`;
    case 'dropIndex':
      return `- 删除索引 ${step.collection}.${step.index}`;
    case 'createIndex':
      return `+ 创建索引 ${step.collection}.${step.index.name} ${JSON.stringify(step.index.keys)}${step.index.unique ? ' 唯一' : ''}`;
    case 'setRule':
      return `~ 设置${step.resource === 'storage' ? '云存储' : `集合 ${step.name} 的`}安全规则 ${JSON.stringify(step.rule)}`;
  }
}
