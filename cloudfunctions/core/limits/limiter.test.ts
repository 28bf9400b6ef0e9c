/** The limiter against the local database through the real SDK (several clients, as several instances). */
import { openTestDatabase, type SdkDatabase, type TestDatabase } from '../../../emulator/db/testServer';
import { COLLECTIONS } from '../../modules';
import { DAY, HOUR, LIMITS, limitWindows } from './config';
import { bucketId, consumeLimit, limitMessage, purgeExpiredLimits, RATE_LIMITS_COLLECTION, windowStart, type RateLimitDoc } from './limiter';

let t: TestDatabase;
let clients: SdkDatabase[];
beforeAll(async () => {
  t = await openTestDatabase({ collections: COLLECTIONS.filter((c) => c.name === RATE_LIMITS_COLLECTION) });
  clients = Array.from({ length: 4 }, () => t.server.app().database());
  // The SDK warns about requests slower than 3 s, which a busy machine produces here.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await t?.close();
});

const countOf = async (id: string) => ((await t.d.collection(RATE_LIMITS_COLLECTION).doc(id).get()).data[0] as RateLimitDoc | undefined)?.count ?? 0;

describe('consumeLimit', () => {
  test('200 calls at once against a bucket nobody has used: exactly max are admitted and counted', async () => {
    const now = new Date('2026-03-10T02:10:00Z');
    const windows = [{ max: 7, windowSec: HOUR }];
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => consumeLimit(clients[i % 4], 'appealCreate', 'flooder', windows, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    const refused = results.find((r) => !r.ok);
    expect(refused).toEqual({ ok: false, window: windows[0], retryAt: new Date('2026-03-10T03:00:00Z') });
    expect(await countOf(bucketId('appealCreate', 'flooder', HOUR, windowStart(now, HOUR)))).toBe(7);
    // Another caller, the same limit: its own bucket.
    expect(await consumeLimit(t.d, 'appealCreate', 'neighbour', windows, now)).toEqual({ ok: true });
    // The same caller, another limit.
    expect(await consumeLimit(t.d, 'appealFollow', 'flooder', windows, now)).toEqual({ ok: true });
  });

  test('several windows: a full one refuses and gives back what the others counted', async () => {
    const windows = [
      { max: 3, windowSec: HOUR },
      { max: 5, windowSec: DAY },
    ];
    const at = (iso: string) => new Date(iso);
    const first = at('2026-03-10T01:05:00Z'); // 09:05 in Shanghai
    const day = bucketId('appealRate', 'r', DAY, windowStart(first, DAY));
    for (let i = 0; i < 3; i++) expect(await consumeLimit(t.d, 'appealRate', 'r', windows, first)).toEqual({ ok: true });
    expect(await consumeLimit(t.d, 'appealRate', 'r', windows, first)).toMatchObject({ ok: false, retryAt: at('2026-03-10T02:00:00Z') });
    expect(await countOf(day)).toBe(3);

    const later = at('2026-03-10T02:30:00Z');
    const hour = bucketId('appealRate', 'r', HOUR, windowStart(later, HOUR));
    for (let i = 0; i < 2; i++) expect(await consumeLimit(t.d, 'appealRate', 'r', windows, later)).toEqual({ ok: true });
    // The hour has room, the day does not: refused until Shanghai midnight, the hour's count given back.
    expect(await consumeLimit(t.d, 'appealRate', 'r', windows, later)).toMatchObject({ ok: false, retryAt: at('2026-03-10T16:00:00Z') });
    expect(await countOf(hour)).toBe(2);
    expect(await countOf(day)).toBe(5);
  });

  test('a limit of 0 refuses everything and writes nothing', async () => {
    const now = new Date('2026-03-10T02:10:00Z');
    expect(await consumeLimit(t.d, 'appealPress', 'z', [{ max: 0, windowSec: HOUR }], now)).toMatchObject({ ok: false });
    expect(await countOf(bucketId('appealPress', 'z', HOUR, windowStart(now, HOUR)))).toBe(0);
  });

  test('expired windows are purged', async () => {
    const now = new Date('2026-03-11T00:00:00Z');
    const before = (await t.d.collection(RATE_LIMITS_COLLECTION).count()).total;
    expect(await purgeExpiredLimits(t.d, now)).toBeGreaterThan(0);
    const left = (await t.d.collection(RATE_LIMITS_COLLECTION).limit(100).get()).data as RateLimitDoc[];
    expect(left.length).toBeLessThan(before);
    expect(left.every((d) => new Date(d.expiresAt).getTime() >= now.getTime())).toBe(true);
  });
});

describe('windows and messages', () => {
  test('windows align to Asia/Shanghai', () => {
    const now = new Date('2026-03-10T17:30:45Z'); // 01:30:45 on 3月11日 in Shanghai
    expect(windowStart(now, DAY)).toEqual(new Date('2026-03-10T16:00:00Z'));
    expect(windowStart(now, HOUR)).toEqual(new Date('2026-03-10T17:00:00Z'));
    expect(windowStart(now, 60)).toEqual(new Date('2026-03-10T17:30:00Z'));
  });

  test('the message says when to try again, in Shanghai time', () => {
    const now = new Date('2026-03-10T01:05:00Z');
    expect(limitMessage('提交诉求', new Date('2026-03-10T02:00:00Z'), now)).toBe('提交诉求太频繁了，请于10:00后再试');
    expect(limitMessage('评价', new Date('2026-03-10T16:00:00Z'), now)).toBe('评价太频繁了，请于3月11日 00:00后再试');
    expect(limitMessage('查询', new Date(now.getTime() + 42_500), now)).toBe('查询太频繁了，请43秒后再试');
  });
});

describe('config', () => {
  test('every declared limit has windows', () => {
    for (const spec of Object.values(LIMITS)) expect(spec.windows.length).toBeGreaterThan(0);
    expect(LIMITS.appealCreate.windows).toEqual([
      { max: 10, windowSec: HOUR },
      { max: 30, windowSec: DAY },
    ]);
  });

  test('JIAYUAN_LIMITS turns limits off or replaces named ones; a malformed value is an error', () => {
    expect(limitWindows('appealCreate', {})).toBe(LIMITS.appealCreate.windows);
    expect(limitWindows('appealCreate', { JIAYUAN_LIMITS: 'off' })).toEqual([]);
    const env = { JIAYUAN_LIMITS: '{"appealCreate":[{"max":3,"windowSec":60}]}' };
    expect(limitWindows('appealCreate', env)).toEqual([{ max: 3, windowSec: 60 }]);
    expect(limitWindows('appealFollow', env)).toBe(LIMITS.appealFollow.windows);
    expect(() => limitWindows('appealCreate', { JIAYUAN_LIMITS: '{"appealCreate":[{"max":-1}]}' })).toThrow(/JIAYUAN_LIMITS/);
    expect(() => limitWindows('appealCreate', { JIAYUAN_LIMITS: '{"nope":[]}' })).toThrow(/JIAYUAN_LIMITS/);
    expect(() => limitWindows('appealCreate', { JIAYUAN_LIMITS: 'ten' })).toThrow(/JIAYUAN_LIMITS/);
  });
});
