/**
 * Rate limits through the local stack with the shipped numbers (core/limits/config.ts): a caller
 * flooding an action from many instances at once gets exactly the limit, others are unaffected.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../types/contract';
import type { RateLimitDoc } from '../../cloudfunctions/core/limits/limiter';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ shippedLimits: true });
  // Warm the function's instances, so that the calls below really run side by side.
  await Promise.all(Array.from({ length: 4 }, () => t.ok('demo-resident', 'appeals', 'categories', {})));
}, 120_000);
afterAll(() => t?.close());

/** Waits until at least `marginMs` before the next window boundary, so a burst stays in one window. */
async function awayFromBoundary(windowMs: number, marginMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 1000));
}

const create = (openid: string) =>
  t.call(openid, 'appeals', 'create', {
    requestId: randomUUID(),
    buildingCode: '370602B0002',
    category: 'public_facility',
    description: '单元门禁坏了一周，陌生人随意进出',
    photos: [],
    anonymous: false,
  });

function tally(results: Array<Envelope<unknown>>) {
  const refused = results.filter((r): r is Extract<Envelope<unknown>, { ok: false }> => !r.ok);
  return { ok: results.length - refused.length, codes: new Set(refused.map((r) => r.error.code)), messages: new Set(refused.map((r) => r.error.message)) };
}

describe('rate limits', () => {
  it('200 simultaneous filings by one resident: exactly 10 (the hourly limit) are filed; another resident is unaffected', async () => {
    await awayFromBoundary(3600_000, 60_000);
    const results = await Promise.all(Array.from({ length: 200 }, () => create('demo-resident-2')));
    const { ok, codes, messages } = tally(results);
    expect(ok).toBe(10);
    expect([...codes]).toEqual(['RATE_LIMITED']);
    expect(messages.size).toBe(1);
    expect([...messages][0]).toMatch(/^提交诉求太频繁了，请于\d{2}:\d{2}后再试$/);

    const filed = await t.db.collection('appeals').where({ 'resident.openid': 'demo-resident-2' }).count();
    expect(filed.total).toBe(10);
    const buckets = (await t.db.collection('rateLimits').where({ openid: 'demo-resident-2', limit: 'appealCreate' }).get()).data as RateLimitDoc[];
    expect(buckets.map((b) => [b.windowSec, b.count]).sort()).toEqual([
      [3600, 10],
      [86400, 10],
    ]);

    expect(await create('demo-resident')).toMatchObject({ ok: true });
    expect(await create('demo-resident-2')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  }, 120_000);

  it('200 simultaneous 「我也遇到了」 look-ups: exactly 60 in the minute', async () => {
    await awayFromBoundary(60_000, 15_000);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => t.call('demo-resident', 'appeals', 'similar', { buildingCode: '370602B0001', category: 'sanitation' })),
    );
    const { ok, codes, messages } = tally(results);
    expect(ok).toBe(60);
    expect([...codes]).toEqual(['RATE_LIMITED']);
    for (const m of messages) expect(m).toMatch(/^查询太频繁了，请\d{1,2}秒后再试$/);
    const other = await t.call('demo-resident-2', 'appeals', 'similar', { buildingCode: '370602B0002', category: 'sanitation' });
    expect(other).toEqual({ ok: true, data: expect.any(Array) });
  }, 120_000);

  it('the kernel’s daily timer removes windows that have ended, and only those', async () => {
    const ended = { _id: 'rl-ended', openid: 'demo-resident', limit: 'appealCreate', windowSec: 3600, count: 3, expiresAt: new Date(Date.now() - 60_000) };
    const open = { ...ended, _id: 'rl-open', expiresAt: new Date(Date.now() + 3600_000) };
    await t.db.collection('rateLimits').add([ended, open]);
    const { result } = await t.cloud.host.fireTimer('notify', 'purgeRateLimits');
    expect(result).toMatchObject({ ok: true, data: { removed: expect.any(Number) } });
    expect((await t.db.collection('rateLimits').where({ _id: 'rl-ended' }).count()).total).toBe(0);
    expect((await t.db.collection('rateLimits').where({ _id: 'rl-open' }).count()).total).toBe(1);
  });
});
