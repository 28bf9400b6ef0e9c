/**
 * 住户认证 through the whole local stack: a resident with a bound household asks, the building's grid
 * worker (or staff above) approves or refuses with a reason, staff revoke, moving out revokes, the
 * history is kept and `me` shows the state. Fresh residents bind 海岸花园's buildings here
 * (b-0001…b-0004 are 海岸社区第一网格, 张丽's; b-0005… the second grid, 周强's).
 */
import { startTestCloud, type TestCloud } from '../support/cloud';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const bind = (openid: string, buildingCode: string, room?: string) => t.ok(openid, 'users', 'bindHousehold', { buildingCode, room });
const residence = async (openid: string) => (await t.ok(openid, 'users', 'me', {})).residence;
const stored = async (openid: string) => (await t.db.collection('residences').where({ _id: openid }).get()).data[0] as Record<string, unknown> | undefined;

describe('asking for verification', () => {
  it('needs a bound household with a room; without one nothing is written', async () => {
    expect(await t.call('vr-none', 'users', 'requestResidence', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'household' }] } });
    await bind('vr-noroom', '370602B0001');
    expect(await t.call('vr-noroom', 'users', 'requestResidence', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'room' }] } });
    expect(await stored('vr-none')).toBeUndefined();
    expect(await stored('vr-noroom')).toBeUndefined();
    expect(await residence('vr-noroom')).toBeNull();
  });

  it('is pending once, however often or concurrently asked, and me shows 待审核', async () => {
    await bind('vr-a', '370602B0001', '3单元 402');
    const all = await Promise.all(Array.from({ length: 5 }, () => t.call('vr-a', 'users', 'requestResidence', {})));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(await residence('vr-a')).toMatchObject({ status: 'pending', statusLabel: '待审核', buildingName: '1号楼', room: '3单元 402', canRequest: false });
    const doc = await stored('vr-a');
    expect(doc).toMatchObject({ householdKey: 'b-0001/3单元402', gridId: 'g-haian-1', communityId: 'c-haian', status: 'pending' });
    expect(doc?.history).toHaveLength(1);
  });
});

describe('deciding', () => {
  it('the building’s grid worker approves with the floor area; the queue lists it no more as pending', async () => {
    await bind('vr-b', '370602B0002', '1单元101');
    await t.ok('vr-b', 'users', 'requestResidence', {});
    const queue = await t.ok('demo-grid-worker', 'users', 'residenceQueue', {});
    const item = queue.items.find((i) => i.openid === 'vr-b');
    expect(item).toMatchObject({ status: 'pending', buildingName: '2号楼', room: '1单元101' });
    const done = await t.ok('demo-grid-worker', 'users', 'decideResidence', { openid: 'vr-b', approve: true, area: 92.5, version: item!.version });
    expect(done).toMatchObject({ status: 'verified', area: 92.5 });
    expect(await residence('vr-b')).toMatchObject({ status: 'verified', statusLabel: '已认证', canRequest: false });
    // The resident hears it through the outbox (their own request sends nothing).
    const msgs = (await t.db.collection('outbox').where({ toOpenid: 'vr-b' }).get()).data as Array<{ template: string; page: string; data: Record<string, string> }>;
    expect(msgs).toEqual([expect.objectContaining({ template: 'residenceDecided', page: 'packages/council/index' })]);
    expect(msgs[0].data).toMatchObject({ phrase1: '认证通过', thing2: '2号楼1单元101' });
    expect((await t.ok('demo-grid-worker', 'users', 'residenceQueue', {})).items.some((i) => i.openid === 'vr-b')).toBe(false);
    expect((await t.ok('demo-grid-worker', 'users', 'residenceQueue', { status: 'verified' })).items.some((i) => i.openid === 'vr-b')).toBe(true);
    // Deciding twice is a conflict, not a second decision.
    expect(await t.call('demo-grid-worker', 'users', 'decideResidence', { openid: 'vr-b', approve: false, reason: '重复' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('another grid’s worker may not decide, community staff above may; residents may not at all', async () => {
    await bind('vr-c', '370602B0003', '2单元202');
    await t.ok('vr-c', 'users', 'requestResidence', {});
    expect(await t.call('demo-grid-worker-2', 'users', 'decideResidence', { openid: 'vr-c', approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-resident', 'users', 'decideResidence', { openid: 'vr-c', approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.ok('demo-grid-worker-2', 'users', 'residenceQueue', {})).items.some((i) => i.openid === 'vr-c')).toBe(false);
    expect(await t.call('demo-grid-worker-2', 'users', 'residenceQueue', { unitId: 'g-haian-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await stored('vr-c'))?.status).toBe('pending');
    expect(await t.ok('demo-community-staff', 'users', 'decideResidence', { openid: 'vr-c', approve: true })).toMatchObject({ status: 'verified' });
  });

  it('refuses only with a reason, which the resident reads; asking again goes back to the queue', async () => {
    await bind('vr-d', '370602B0004', '5单元501');
    await t.ok('vr-d', 'users', 'requestResidence', {});
    const noReason = await t.call('demo-grid-worker', 'users', 'decideResidence', { openid: 'vr-d', approve: false });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'reason' }] } });
    expect((await stored('vr-d'))?.status).toBe('pending');
    await t.ok('demo-grid-worker', 'users', 'decideResidence', { openid: 'vr-d', approve: false, reason: '房号与物业登记不符' });
    expect(await residence('vr-d')).toMatchObject({ status: 'rejected', reason: '房号与物业登记不符', canRequest: true });
    await bind('vr-d', '370602B0004', '5单元502');
    await t.ok('vr-d', 'users', 'requestResidence', {});
    expect(await residence('vr-d')).toMatchObject({ status: 'pending', room: '5单元502' });
    expect(((await stored('vr-d'))?.history as Array<{ kind: string }>).map((e) => e.kind)).toEqual(['requested', 'rejected', 'requested']);
  });

  it('refuses bad input on its field and writes nothing', async () => {
    const bad = await t.call('demo-grid-worker', 'users', 'decideResidence', { openid: 'vr-a', approve: true, area: -3 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'area' }] } });
    expect((await stored('vr-a'))?.status).toBe('pending');
    expect(await t.call('demo-grid-worker', 'users', 'decideResidence', { openid: 'nobody', approve: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('revoking', () => {
  it('staff revoke with a reason; moving out (rebinding elsewhere, or 我已搬离) revokes; the history keeps all', async () => {
    await bind('vr-e', '370602B0001', '6单元601');
    await t.ok('vr-e', 'users', 'requestResidence', {});
    await t.ok('demo-grid-worker', 'users', 'decideResidence', { openid: 'vr-e', approve: true });
    const revoked = await t.ok('demo-grid-worker', 'users', 'revokeResidence', { openid: 'vr-e', reason: '核实为租户，已搬离' });
    expect(revoked).toMatchObject({ status: 'revoked', reason: '核实为租户，已搬离' });
    expect(revoked.history.map((e) => e.kind)).toEqual(['requested', 'verified', 'revoked']);
    expect(await t.call('demo-grid-worker', 'users', 'revokeResidence', { openid: 'vr-e', reason: '再次撤销' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await bind('vr-f', '370602B0002', '7单元701');
    await t.ok('vr-f', 'users', 'requestResidence', {});
    await t.ok('demo-grid-worker', 'users', 'decideResidence', { openid: 'vr-f', approve: true });
    await bind('vr-f', '370602B0005', '1单元101');
    expect(await residence('vr-f')).toMatchObject({ status: 'revoked', reason: '已更换绑定的房屋', canRequest: true });
    // The new household is queued in its own grid.
    await t.ok('vr-f', 'users', 'requestResidence', {});
    expect((await t.ok('demo-grid-worker-2', 'users', 'residenceQueue', {})).items.some((i) => i.openid === 'vr-f')).toBe(true);
    expect((await t.ok('demo-grid-worker', 'users', 'residenceQueue', {})).items.some((i) => i.openid === 'vr-f')).toBe(false);
    await t.ok('demo-grid-worker-2', 'users', 'decideResidence', { openid: 'vr-f', approve: true });
    expect((await t.ok('vr-f', 'users', 'withdrawResidence', {})).residence).toMatchObject({ status: 'revoked', reason: '本人申报已搬离' });
    expect(((await stored('vr-f'))?.history as Array<{ kind: string }>).map((e) => e.kind)).toEqual(['requested', 'verified', 'revoked', 'requested', 'verified', 'revoked']);
  });
});

describe('the sweep', () => {
  it('runs for the platform’s timer and finds nothing left behind by finished commands', async () => {
    const { result } = await t.cloud.host.fireTimer('users', 'flushEffects');
    expect(result).toMatchObject({ ok: true, data: { failed: 0, retrying: 0 } });
    expect(await t.db.collection('residences').where({ effectsPending: true }).count()).toMatchObject({ total: 0 });
  });
});
