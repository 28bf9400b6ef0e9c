import { parseCloudbaseCron } from './cron';
import { discoverFunctions } from './config';
import { FIXTURES, startFixtureCloud, type FixtureCloud } from './fixtures/cloud';
import { MemoryDb } from './fixtures/memory-db';
import { FunctionHost } from './host';
import { FunctionError, type InvocationRecord } from './types';

interface WhoAmI {
  before: string;
  after: string;
  appId: string;
  source: string;
  envName: string;
  event: { userInfo?: { openId: string; appId: string }; tag?: string };
  instanceId: string;
  activeAtStart: number;
  startedAt: number;
  endedAt: number;
}

async function failure(promise: Promise<unknown>): Promise<FunctionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FunctionError) return error;
    throw error;
  }
  throw new Error('expected the invocation to fail');
}

describe('function discovery and cron', () => {
  it('treats folders with index.js as functions and reads config.json', () => {
    const specs = discoverFunctions(FIXTURES);
    const names = specs.map((spec) => spec.name);
    expect(names).toEqual(expect.arrayContaining(['boom', 'caller', 'files', 'slow', 'ticker', 'whoami']));
    expect(names).not.toContain('shared');
    expect(specs.find((spec) => spec.name === 'slow')?.timeoutMs).toBe(1000);
    expect(specs.find((spec) => spec.name === 'whoami')?.timeoutMs).toBe(10_000);
    expect(specs.find((spec) => spec.name === 'ticker')?.triggers.map((t) => t.name)).toEqual(['everySecond', 'nightly']);
  });

  it('parses 7-field CloudBase cron expressions, including the year', () => {
    const cron = parseCloudbaseCron('0 30 9 * * 1-5 2030,2032-2034');
    expect(cron.pattern).toBe('0 30 9 * * 1-5');
    expect(cron.years?.(2030)).toBe(true);
    expect(cron.years?.(2031)).toBe(false);
    expect(cron.years?.(2033)).toBe(true);
    expect(parseCloudbaseCron('0 0 2 * * * *').years).toBeNull();
    expect(() => parseCloudbaseCron('0 0 2 * * *')).toThrow(/7 个字段/);
    expect(() => parseCloudbaseCron('0 0 99 * * * *')).toThrow();
    expect(() => parseCloudbaseCron('0 0 2 * * * soon')).toThrow(/年份/);
  });
});

describe('function host', () => {
  let cloud: FixtureCloud;
  const records: InvocationRecord[] = [];

  beforeAll(async () => {
    cloud = await startFixtureCloud({ instancesPerFunction: 3, db: new MemoryDb({}) });
    cloud.host.onInvocation((record) => records.push(record));
  });

  afterAll(() => cloud.close());

  it('lists its functions', () => {
    expect(cloud.host.functions()).toEqual(expect.arrayContaining(['whoami', 'boom', 'slow', 'caller', 'ticker']));
  });

  it('gives each concurrent caller its own identity, one event at a time per instance', async () => {
    const openids = ['o_alice', 'o_bob', 'o_carol', 'o_dave', 'o_erin', 'o_frank'];
    const results = await Promise.all(
      openids.map((openid, i) =>
        cloud.host.invoke('whoami', { delayMs: 40 + 20 * (i % 3), tag: openid, userInfo: { openId: 'forged' } }, { openid }),
      ),
    );
    results.forEach(({ result, requestId }, i) => {
      const r = result as WhoAmI;
      expect(r.before).toBe(openids[i]);
      expect(r.after).toBe(openids[i]);
      expect(r.appId).toMatch(/^wx/);
      expect(r.source).toBe('wx_client');
      expect(r.envName).toBe('local');
      expect(r.event.tag).toBe(openids[i]);
      // The platform's userInfo replaces whatever the client sent.
      expect(r.event.userInfo).toEqual({ openId: openids[i], appId: r.appId });
      expect(r.activeAtStart).toBe(1);
      expect(requestId).toMatch(/[0-9a-f-]{36}/);
    });
    // Six callers, at most three instances: some instances served more than one event, in turn.
    const instances = new Set(results.map(({ result }) => (result as WhoAmI).instanceId));
    expect(instances.size).toBeGreaterThan(1);
    expect(instances.size).toBeLessThanOrEqual(3);
    expect(cloud.host.instanceCount('whoami')).toBeLessThanOrEqual(3);
    for (const id of instances) {
      const runs = results.map(({ result }) => result as WhoAmI).filter((r) => r.instanceId === id).sort((a, b) => a.startedAt - b.startedAt);
      for (let i = 1; i < runs.length; i++) expect(runs[i].startedAt).toBeGreaterThanOrEqual(runs[i - 1].endedAt);
    }
  });

  it('runs without a WeChat identity when none is given', async () => {
    const { result } = await cloud.host.invoke('whoami', { delayMs: 1 });
    expect((result as WhoAmI).before).toBe('');
    expect((result as WhoAmI).event.userInfo).toBeUndefined();
  });

  it('turns a throwing function into a clean error and keeps running', async () => {
    const error = await failure(cloud.host.invoke('boom', { async: true }, { openid: 'o_alice' }));
    expect(error.code).toBe('FUNCTIONS_EXECUTE_FAIL');
    expect(error.message).toContain('boom: 故意失败');
    expect(error.requestId).toMatch(/[0-9a-f-]{36}/);
    const again = await failure(cloud.host.invoke('boom', {}));
    expect(again.code).toBe('FUNCTIONS_EXECUTE_FAIL');
    const { result } = await cloud.host.invoke('whoami', { delayMs: 1 }, { openid: 'o_bob' });
    expect((result as WhoAmI).after).toBe('o_bob');
    expect(records.some((r) => r.name === 'boom' && !r.ok && r.error?.code === 'FUNCTIONS_EXECUTE_FAIL')).toBe(true);
  });

  it('reports an unknown function', async () => {
    const error = await failure(cloud.host.invoke('nope', {}));
    expect(error.code).toBe('FUNCTION_NOT_FOUND');
  });

  it('kills an instance that exceeds its time limit; later calls still work', async () => {
    const started = Date.now();
    const error = await failure(cloud.host.invoke('slow', { mode: 'spin' }));
    expect(error.code).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED');
    expect(error.message).toContain('1 seconds');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(cloud.host.instanceCount('slow')).toBe(0);

    const hang = await failure(cloud.host.invoke('slow', { mode: 'hang' }));
    expect(hang.code).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED');

    const { result } = await cloud.host.invoke('slow', { mode: 'quick' });
    expect(result).toMatchObject({ ok: true });
    expect(cloud.host.instanceCount('slow')).toBe(1);
  });

  it('lets a function call another through the SDK; the callee sees no WeChat caller', async () => {
    const { result } = await cloud.host.invoke('caller', { data: { delayMs: 1, tag: 'via-sdk' } }, { openid: 'o_alice' });
    const r = result as { me: string; callee: WhoAmI; requestId: string };
    expect(r.me).toBe('o_alice');
    expect(r.callee.event.tag).toBe('via-sdk');
    expect(r.callee.before).toBe('');
    expect(r.callee.event.userInfo).toBeUndefined();
    expect(r.callee.source).toBe('wx_client,scf');
    expect(r.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(records.some((rec) => rec.name === 'whoami' && rec.source === 'function')).toBe(true);
  });

  it('passes a callee failure back to the calling function as the SDK error', async () => {
    const { result } = await cloud.host.invoke('caller', { target: 'boom' }, { openid: 'o_alice' });
    expect((result as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringContaining('boom: 故意失败'),
    });
    const missing = await cloud.host.invoke('caller', { target: 'nope' }, { openid: 'o_alice' });
    expect((missing.result as { error: { code: string } }).error.code).toBe('FUNCTION_NOT_FOUND');
  });

  it('fires a timer trigger on demand with the CloudBase timer event', async () => {
    const { result } = await cloud.host.fireTimer('ticker', 'nightly');
    const r = result as { event: Record<string, unknown>; triggerSource: string; openId: string };
    expect(r.event).toMatchObject({ Type: 'Timer', TriggerName: 'nightly', Message: '' });
    expect(r.event.Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(new Date(String(r.event.Time)).getTime() - Date.now())).toBeLessThan(10_000);
    expect(r.triggerSource).toBe('timer');
    expect(r.openId).toBe('');
    const error = await failure(cloud.host.fireTimer('ticker', 'missing'));
    expect(error.code).toBe('INVALID_PARAM');
  });
});

describe('function host with one instance', () => {
  it('queues events: one at a time, in order', async () => {
    const host = new FunctionHost({ functionsDir: FIXTURES, adminUrl: 'http://127.0.0.1:9/admin', env: 'local', instancesPerFunction: 1 });
    try {
      const results = (
        await Promise.all(['o_1', 'o_2', 'o_3'].map((openid) => host.invoke('whoami', { delayMs: 80 }, { openid })))
      ).map(({ result }) => result as WhoAmI);
      expect(new Set(results.map((r) => r.instanceId)).size).toBe(1);
      expect(results.map((r) => r.after)).toEqual(['o_1', 'o_2', 'o_3']);
      expect(results.every((r) => r.activeAtStart === 1)).toBe(true);
      expect(results[1].startedAt).toBeGreaterThanOrEqual(results[0].endedAt);
      expect(results[2].startedAt).toBeGreaterThanOrEqual(results[1].endedAt);
    } finally {
      await host.close();
    }
  });
});

describe('timer schedule', () => {
  it('fires an every-second trigger on its own', async () => {
    const host = new FunctionHost({ functionsDir: FIXTURES, adminUrl: 'http://127.0.0.1:9/admin', env: 'local' });
    const fired: InvocationRecord[] = [];
    host.onInvocation((record) => fired.push(record));
    host.startTimers();
    try {
      const deadline = Date.now() + 5000;
      while (!fired.some((r) => r.trigger === 'everySecond' && r.ok) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const record = fired.find((r) => r.trigger === 'everySecond');
      expect(record).toMatchObject({ name: 'ticker', source: 'timer', ok: true });
      expect(fired.some((r) => r.trigger === 'nightly')).toBe(false);
    } finally {
      await host.close();
    }
    const count = fired.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(fired.length).toBe(count);
  });
});
