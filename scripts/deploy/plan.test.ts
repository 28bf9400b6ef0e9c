import { functionEnvironment, functionSpec } from './desired';
import { CODE_HASH_VARIABLE, describeStep, EMPTY_ENVIRONMENT, planDeploy, type CurrentFunction, type CurrentState, type DesiredState } from './plan';

const environment = { TZ: 'Asia/Shanghai', JIAYUAN_TMPL_APPEAL_ACCEPTED: 'tmpl-1' };
const appeals = functionSpec(
  'appeals',
  {
    runtime: 'Nodejs18.15',
    timeout: 60,
    memorySize: 256,
    triggers: [
      { name: 'escalateOverdue', type: 'timer', config: '0 */5 * * * * *' },
      { name: 'flushEffects', type: 'timer', config: '15 * * * * * *' },
    ],
    permissions: { openapi: ['security.msgSecCheck'] },
  },
  'hash-1',
  environment,
);
const users = functionSpec('users', { timeout: 10 }, 'hash-2', environment);

const desired: DesiredState = {
  functions: [appeals, users],
  collections: [
    { name: 'appeals', indexes: [{ name: 'no', keys: { no: 1 }, unique: true }, { name: 'grid_activity', keys: { 'place.gridId': 1, lastActivityAt: -1 } }] },
    { name: 'users', indexes: [] },
  ],
  collectionRules: { appeals: { read: false, write: false }, users: { read: false, write: false } },
  storageRule: { read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' },
};

/** The environment exactly as the repo wants it: what a successful deploy leaves behind. */
function deployed(): CurrentState {
  const fn = (f: typeof appeals): CurrentFunction => ({ ...f, triggers: f.triggers.map((t) => ({ ...t })), envVariables: { ...f.envVariables } });
  return {
    functions: new Map([
      ['appeals', fn(appeals)],
      ['users', fn(users)],
    ]),
    collections: new Map(desired.collections.map((c) => [c.name, c.indexes.map((ix) => ({ ...ix }))])),
    collectionRules: new Map(Object.entries(desired.collectionRules).map(([k, rule]) => [k, { permission: 'CUSTOM', rule: { ...rule } }])),
    storageRule: { permission: 'CUSTOM', rule: { write: 'resource.openid == auth.openid', read: 'resource.openid == auth.openid' } },
  };
}

describe('planDeploy', () => {
  it('against an empty environment creates everything: functions with their triggers, collections, indexes, rules', () => {
    const plan = planDeploy(desired, EMPTY_ENVIRONMENT);
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'createFunction',
      'createFunction',
      'createCollection',
      'createIndex',
      'createIndex',
      'createCollection',
      'setRule',
      'setRule',
      'setRule',
    ]);
    const created = plan.steps[0];
    expect(created.kind === 'createFunction' && created.fn).toMatchObject({
      name: 'appeals',
      handler: 'index.main',
      envVariables: { TZ: 'Asia/Shanghai', JIAYUAN_TMPL_APPEAL_ACCEPTED: 'tmpl-1', [CODE_HASH_VARIABLE]: 'hash-1' },
      triggers: [{ name: 'escalateOverdue' }, { name: 'flushEffects' }],
      openapi: ['security.msgSecCheck'],
    });
    expect(describeStep(plan.steps[3])).toBe('+ 创建索引 appeals.no {"no":1} 唯一');
  });

  it('plans nothing for an environment that already matches (a second run changes nothing)', () => {
    expect(planDeploy(desired, deployed())).toEqual({ steps: [], unchanged: { functions: 2, collections: 2, rules: 3 } });
  });

  it('changes only what differs: code, config, a moved timer, a changed or extra index, a rule', () => {
    const current = deployed();
    const a = current.functions.get('appeals')!;
    a.envVariables = { ...a.envVariables, [CODE_HASH_VARIABLE]: 'old', JIAYUAN_TMPL_APPEAL_ACCEPTED: 'tmpl-0' };
    a.timeout = 3;
    a.triggers = [{ name: 'escalateOverdue', type: 'timer', config: '0 */10 * * * * *' }, a.triggers[1], { name: 'legacy', type: 'timer', config: '0 0 1 * * * *' }];
    (current.collections as Map<string, unknown>).set('appeals', [
      { name: 'no', keys: { no: 1 } },
      { name: 'grid_activity', keys: { 'place.gridId': 1, lastActivityAt: -1 } },
      { name: 'old_index', keys: { x: 1 } },
    ]);
    (current.collectionRules as Map<string, unknown>).set('users', { permission: 'PRIVATE', rule: null });
    const plan = planDeploy(desired, current);
    expect(plan.steps.map(describeStep)).toEqual([
      '~ 更新云函数 appeals 的代码（sha256 hash-1）',
      '~ 更新云函数 appeals 的配置：超时 3→60 秒；环境变量 JIAYUAN_CODE_SHA256、JIAYUAN_TMPL_APPEAL_ACCEPTED',
      '- 删除云函数 appeals 的定时触发器 escalateOverdue「0 */10 * * * * *」',
      '- 删除云函数 appeals 的定时触发器 legacy「0 0 1 * * * *」',
      '+ 创建云函数 appeals 的定时触发器 escalateOverdue「0 */5 * * * * *」',
      '- 删除索引 appeals.no',
      '- 删除索引 appeals.old_index',
      '+ 创建索引 appeals.no {"no":1} 唯一',
      '~ 设置集合 users 的安全规则 {"read":false,"write":false}',
    ]);
    expect(plan.unchanged).toEqual({ functions: 1, collections: 1, rules: 2 });
  });

  it('keeps environment variables set in the console and does not count them as a difference', () => {
    const current = deployed();
    const u = current.functions.get('users')!;
    u.envVariables = { ...u.envVariables, SENTRY_DSN: 'x' };
    expect(planDeploy(desired, current).steps).toEqual([]);
    u.envVariables.TZ = 'UTC';
    const [step] = planDeploy(desired, current).steps;
    expect(step).toMatchObject({ kind: 'updateConfig', changed: ['环境变量 TZ'], fn: { envVariables: { SENTRY_DSN: 'x', TZ: 'Asia/Shanghai' } } });
  });

  it('asks for a recreate when the runtime differs, since CloudBase cannot change it', () => {
    const current = deployed();
    current.functions.get('users')!.runtime = 'Nodejs16.13';
    expect(planDeploy(desired, current).steps).toEqual([{ kind: 'recreateFunction', fn: 'users', reason: '运行环境为 Nodejs16.13，仓库要求 Nodejs18.15' }]);
  });
});

describe('functionEnvironment', () => {
  it('sets TZ, the template ids that are given, and lists the missing ones', () => {
    const { variables, missing } = functionEnvironment({ JIAYUAN_TMPL_APPEAL_ACCEPTED: 'abc', JIAYUAN_MP_STATE: 'trial' });
    expect(variables).toMatchObject({ TZ: 'Asia/Shanghai', JIAYUAN_TMPL_APPEAL_ACCEPTED: 'abc', JIAYUAN_MP_STATE: 'trial' });
    expect(missing).toContain('JIAYUAN_TMPL_APPEAL_PROGRESS');
    expect(missing).not.toContain('JIAYUAN_TMPL_APPEAL_ACCEPTED');
  });
});
