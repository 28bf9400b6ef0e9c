import { applySteps, credentialsFrom, readEnvironment, type Manager } from './environment';
import type { DeployStep } from './plan';

/** A stand-in for @cloudbase/manager-node with the answers CloudBase gives; records the changes asked of it. */
function fakeManager() {
  const calls: Array<[string, ...unknown[]]> = [];
  const record = (name: string) => async (...args: unknown[]) => {
    calls.push([name, ...args]);
    return {};
  };
  const app = {
    functions: {
      listFunctions: async (_limit: number, offset: number) => (offset === 0 ? [{ FunctionName: 'users' }, { FunctionName: 'legacy' }] : []),
      getFunctionDetail: async (name: string) => ({
        FunctionName: name,
        Runtime: 'Nodejs18.15',
        Handler: 'index.main',
        Timeout: 10,
        MemorySize: 256,
        InstallDependency: 'TRUE',
        Environment: { Variables: [{ Key: 'TZ', Value: 'Asia/Shanghai' }] },
        Triggers: [{ TriggerName: 'tick', Type: 'timer', TriggerDesc: '{"cron":"0 * * * * * *"}' }],
      }),
      createFunction: record('createFunction'),
      updateFunctionCode: record('updateFunctionCode'),
      updateFunctionConfig: record('updateFunctionConfig'),
      waitFunctionActive: record('waitFunctionActive'),
      deleteFunctionTrigger: record('deleteFunctionTrigger'),
      createFunctionTriggers: record('createFunctionTriggers'),
    },
    database: {
      listCollections: async ({ MgoOffset }: { MgoOffset: number }) => ({ Collections: MgoOffset === 0 ? [{ CollectionName: 'users' }] : [] }),
      describeCollection: async () => ({
        Indexes: [
          { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: false },
          { Name: 'role_at', Keys: [{ Name: 'roles', Direction: '1' }, { Name: 'at', Direction: '-1' }], Unique: true },
        ],
      }),
      createCollectionIfNotExists: record('createCollectionIfNotExists'),
      updateCollection: record('updateCollection'),
    },
    permission: {
      describeResourcePermission: async ({ resourceType }: { resourceType: string }) => ({
        Data: {
          PermissionList:
            resourceType === 'storage'
              ? [{ Resource: 'bucket-1', Permission: 'PRIVATE', SecurityRule: '' }]
              : [{ Resource: 'users', Permission: 'CUSTOM', SecurityRule: '{"read":false,"write":false}' }],
        },
      }),
      modifyResourcePermission: record('modifyResourcePermission'),
    },
    env: { getEnvInfo: async () => ({ EnvInfo: { Storages: [{ Bucket: 'bucket-1' }] } }) },
  };
  return { app: app as unknown as Manager, calls };
}

describe('readEnvironment', () => {
  it('reads functions, indexes and rules into the plan’s terms', async () => {
    const { app } = fakeManager();
    const state = await readEnvironment(app, { functions: ['users', 'org'], collections: ['users', 'orgUnits'] });
    expect([...state.functions.keys()]).toEqual(['users']);
    expect(state.functions.get('users')).toMatchObject({ installDependency: true, envVariables: { TZ: 'Asia/Shanghai' }, triggers: [{ name: 'tick', type: 'timer', config: '0 * * * * * *' }] });
    expect(state.collections).toEqual(new Map([['users', [{ name: 'role_at', keys: { roles: 1, at: -1 }, unique: true }]]]));
    expect(state.collectionRules.get('users')).toEqual({ permission: 'CUSTOM', rule: { read: false, write: false } });
    expect(state.storageRule).toEqual({ permission: 'PRIVATE', rule: null });
  });
});

describe('applySteps', () => {
  it('asks manager-node for indexes, triggers and rules in its own shapes', async () => {
    const { app, calls } = fakeManager();
    const steps: DeployStep[] = [
      { kind: 'createCollection', collection: 'orgUnits' },
      { kind: 'createIndex', collection: 'orgUnits', index: { name: 'parent', keys: { parentId: 1, at: -1 }, unique: true } },
      { kind: 'dropIndex', collection: 'users', index: 'role_at' },
      { kind: 'createTriggers', fn: 'users', triggers: [{ name: 'tick', type: 'timer', config: '0 */5 * * * * *' }] },
      { kind: 'setRule', resource: 'storage', name: 'storage', rule: { read: true, write: false } },
    ];
    await applySteps(app, steps, () => undefined);
    expect(calls).toEqual([
      ['createCollectionIfNotExists', 'orgUnits'],
      ['updateCollection', 'orgUnits', { CreateIndexes: [{ IndexName: 'parent', MgoKeySchema: { MgoIndexKeys: [{ Name: 'parentId', Direction: '1' }, { Name: 'at', Direction: '-1' }], MgoIsUnique: true } }] }],
      ['updateCollection', 'users', { DropIndexes: [{ IndexName: 'role_at' }] }],
      ['createFunctionTriggers', 'users', [{ name: 'tick', type: 'timer', config: '0 */5 * * * * *' }]],
      ['modifyResourcePermission', { resourceType: 'storage', resource: 'bucket-1', permission: 'CUSTOM', securityRule: '{"read":true,"write":false}' }],
    ]);
  });
});

describe('credentialsFrom', () => {
  it('needs the environment id and both keys', () => {
    expect(credentialsFrom({ ENV_ID: 'e', TENCENTCLOUD_SECRETID: 'i' })).toBeNull();
    expect(credentialsFrom({ TCB_ENV: 'e', TENCENTCLOUD_SECRETID: 'i', TENCENTCLOUD_SECRETKEY: 'k' })).toEqual({ envId: 'e', secretId: 'i', secretKey: 'k' });
  });
});
