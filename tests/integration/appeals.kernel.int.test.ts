/**
 * The holes a review found in appeals, closed on the kernel: neighbours-only following, current staff
 * roles, 200 callers at once, unique numbers, one bulletin entry per escalation, sweeps that get past
 * failures, and routing-rule edits that do not lose each other.
 */
import { randomUUID } from 'node:crypto';
import type { AppealDetail } from '../../types/appeals';
import type { Envelope } from '../../types/contract';
import { appealIds } from '../../cloudfunctions/appeals/app/ids';
import { adminApp } from '../../scripts/localStack';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let buildingId: string;
beforeAll(async () => {
  t = await startTestCloud();
  const { data } = await t.db.collection('buildings').where({ code: BUILDING }).limit(1).get();
  buildingId = (data[0] as { _id: string })._id;
}, 120_000);
afterAll(() => t?.close());

const BUILDING = '370602B0001'; // 海岸花园1号楼, 海岸社区第一网格 (张丽)
const OTHER_BUILDING = '370602B0002';

function file(openid: string, extra: { photos?: string[]; requestId?: string } = {}): Promise<AppealDetail> {
  return t.ok(openid, 'appeals', 'create', {
    requestId: extra.requestId ?? randomUUID(),
    buildingCode: BUILDING,
    category: 'sanitation',
    description: '楼道里堆满了杂物，影响通行和消防安全',
    photos: extra.photos ?? [],
    anonymous: false,
  });
}

async function fire<T>(fn: 'appeals' | 'notify', trigger: string): Promise<T> {
  const { result } = await t.cloud.host.fireTimer(fn, trigger);
  const envelope = result as Envelope<T>;
  if (!envelope.ok) throw new Error(`${fn}.${trigger}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

/** Residents with a bound household at a building, written as the users function would. */
async function neighbours(prefix: string, n: number, atBuilding: string): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  const docs = ids.map((_id, i) => ({ _id, name: `邻居${i}`, roles: ['resident'], household: { buildingId: atBuilding }, createdAt: new Date() }));
  await t.db.collection('users').add(docs);
  return ids;
}

describe('neighbours (hole 1)', () => {
  it('only residents bound to the building see similar appeals and follow; a follower sees a neighbour’s view', async () => {
    const a = await file('demo-resident', { photos: [] });
    await t.ok('demo-grid-worker', 'appeals', 'claim', { id: a.id });
    await t.ok('demo-grid-worker', 'appeals', 'reply', { id: a.id, text: '王阿姨，明早九点师傅上门，请留人在家', photos: [] });

    // 孙海燕 lives in another building; a stranger has no household at all.
    for (const who of ['demo-resident-2', 'stranger-1']) {
      expect(await t.call(who, 'appeals', 'similar', { buildingCode: BUILDING, category: 'sanitation' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t.call(who, 'appeals', 'follow', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t.call(who, 'appeals', 'detail', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    const [neighbour] = await neighbours('nb1', 1, buildingId);
    expect((await t.ok(neighbour, 'appeals', 'similar', { buildingCode: BUILDING, category: 'sanitation' })).map((s) => s.id)).toContain(a.id);
    await t.ok(neighbour, 'appeals', 'follow', { id: a.id });
    const seen = await t.ok(neighbour, 'appeals', 'detail', { id: a.id });
    expect(seen).toMatchObject({ following: true, resident: null, photos: [] });
    expect(seen.timeline.every((e) => e.text === null && e.photos.length === 0)).toBe(true);

    // Moving out ends it: following is not a key to the appeal forever.
    await t.ok(neighbour, 'users', 'bindHousehold', { buildingCode: OTHER_BUILDING });
    expect(await t.call(neighbour, 'appeals', 'detail', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('content held for review (hole 4)', () => {
  it('neighbours do not see a description content security held, until staff of the area approve it', async () => {
    const held = await t.ok('demo-resident', 'appeals', 'create', {
      requestId: randomUUID(),
      buildingCode: BUILDING,
      category: 'safety_hazard',
      description: '楼下有人收钱帮忙办事，让大家加微信私聊',
      photos: [],
      anonymous: false,
    });
    expect(held.heldForReview).toBe(true);
    const [neighbour] = await neighbours('nb-review', 1, buildingId);
    const similar = () => t.ok(neighbour, 'appeals', 'similar', { buildingCode: BUILDING, category: 'safety_hazard' });
    expect((await similar()).map((s) => s.id)).not.toContain(held.id);
    await t.ok(neighbour, 'appeals', 'follow', { id: held.id }); // knowing the id is not enough to read it
    expect((await t.ok(neighbour, 'appeals', 'detail', { id: held.id })).description).toBe('（内容待社区审核）');

    expect(await t.call('demo-resident', 'appeals', 'approve', { id: held.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-grid-worker-2', 'appeals', 'approve', { id: held.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const approved = await t.ok('demo-grid-worker', 'appeals', 'approve', { id: held.id });
    expect(approved).toMatchObject({ heldForReview: false, can: { approve: false } });
    expect(approved.timeline.at(-1)).toMatchObject({ kind: 'approved', label: '内容审核通过', actorName: '张丽' });
    expect((await similar()).map((s) => s.id)).toContain(held.id);
    expect(await t.call('demo-grid-worker', 'appeals', 'approve', { id: held.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('photos reach others through the function', () => {
  it('staff get the resident’s photo as a signed URL that downloads; a neighbour gets no photo at all', async () => {
    const app = adminApp(t.cloud.url);
    const { fileID } = await app.uploadFile({ cloudPath: 'uploads/demo-resident/kernel-test.png', fileContent: Buffer.from('not really a png') });
    const a = await file('demo-resident', { photos: [fileID] });
    const staff = await t.ok('demo-grid-worker', 'appeals', 'detail', { id: a.id });
    expect(staff.photos).toHaveLength(1);
    expect(staff.photos[0]).toMatch(/^https?:\/\/.+kernel-test\.png\?/);
    const response = await fetch(staff.photos[0]);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('not really a png');
    const [neighbour] = await neighbours('nb-photo', 1, buildingId);
    await t.ok(neighbour, 'appeals', 'follow', { id: a.id });
    expect((await t.ok(neighbour, 'appeals', 'detail', { id: a.id })).photos).toEqual([]);
  });
});

describe('current staff only', () => {
  it('a grid worker who is no longer staff loses access to the appeals they claimed', async () => {
    await t.db.collection('users').add({ _id: 'gw-leaving', name: '临时网格员', roles: ['grid_worker'], jurisdiction: { level: 'grid', unitIds: ['g-haian-1'] }, createdAt: new Date() });
    const a = await file('demo-resident');
    await t.ok('gw-leaving', 'appeals', 'claim', { id: a.id });
    expect((await t.ok('gw-leaving', 'appeals', 'detail', { id: a.id })).resident).toMatchObject({ masked: false });

    await t.db.collection('users').doc('gw-leaving').update({ roles: ['resident'] });
    expect(await t.call('gw-leaving', 'appeals', 'detail', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('gw-leaving', 'appeals', 'reply', { id: a.id, text: '已经离职了还在回复', photos: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('200 simultaneous callers', () => {
  it('200 neighbours following one appeal at once are all counted, each once', async () => {
    const a = await file('demo-resident');
    const ids = await neighbours('nb200', 200, buildingId);
    const results = await Promise.all(ids.map((id) => t.call(id, 'appeals', 'follow', { id: a.id })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const stored = (await t.db.collection('appeals').doc(a.id).get()).data[0] as { followers: string[]; followerCount: number };
    expect(stored.followerCount).toBe(200);
    expect(new Set(stored.followers).size).toBe(200);
  }, 120_000);

  it('200 residents filing at once on a day nobody filed yet: every appeal counted once in each of the four units (hole 6)', async () => {
    // A category nobody used today, so the four counter documents do not exist when the race starts.
    const filers = Array.from({ length: 200 }, (_, i) => `filer-${i}`);
    const results = await Promise.all(
      filers.map((openid) =>
        t.call(openid, 'appeals', 'create', { requestId: randomUUID(), buildingCode: BUILDING, category: 'parking', description: '消防通道被私家车长期占用', photos: [], anonymous: false }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const { data } = await t.db.collection('appealStats').where({ category: 'parking', unitId: t.db.command.in(['g-haian-1', 'c-haian', 's-xiangyang', 'd-370602']) }).get();
    const docs = data as Array<{ level: string; received: number }>;
    expect(docs.map((d) => d.level).sort()).toEqual(['community', 'district', 'grid', 'street']);
    for (const d of docs) expect(d.received).toBe(200);
  }, 120_000);
});

describe('uniqueness is not dedupe (hole 7)', () => {
  it('an appeal number already taken that day gets the next candidate, never a duplicate', async () => {
    const requestId = randomUUID();
    const { numbers } = appealIds('demo-resident', requestId, new Date());
    await t.db.collection('appeals').add({ _id: 'ap-squatter', no: numbers[0], placeholder: true });
    const a = await file('demo-resident', { requestId });
    expect(a.no).toBe(numbers[1]);
    const again = await file('demo-resident', { requestId });
    expect(again).toMatchObject({ id: a.id, no: numbers[1] });
    expect(await t.call('demo-resident', 'appeals', 'create', { requestId: randomUUID(), buildingCode: BUILDING, category: 'other', description: '重复编号测试', photos: [], anonymous: false })).toMatchObject({ ok: true });
  });

  it('a second real escalation to the same level is a second bulletin entry', async () => {
    const a = await file('demo-resident');
    await t.ok('demo-grid-worker', 'appeals', 'escalate', { id: a.id, reason: '需要社区协调清运' });
    await t.ok('demo-community-staff', 'appeals', 'transfer', { id: a.id, to: { target: 'grid', gridId: 'g-haian-1' }, reason: '已联系保洁公司，请网格员跟进' });
    await t.ok('demo-grid-worker', 'appeals', 'escalate', { id: a.id, reason: '杂物仍未清运，再次上报' });
    const board = await t.ok('demo-community-staff', 'appeals', 'bulletin', { pageSize: 50 });
    expect(board.items.filter((b) => b.appealId === a.id && b.toLevel === 'community')).toHaveLength(2);
  });
});

describe('sweeps get past failures (hole 8)', () => {
  it('120 appeals that keep failing do not block the escalation of the one behind them', async () => {
    const long = new Date('2026-01-01T00:00:00Z');
    const broken = Array.from({ length: 120 }, (_, i) => ({
      _id: `ap-broken-${String(i).padStart(3, '0')}`,
      no: `BROKEN-${i}`,
      status: 'pending',
      level: 'grid',
      escalateAt: long, // due long ago, so they sort first
      version: 1,
      effects: [],
      effectsPending: false,
      // no place: every escalation of these throws
    }));
    await t.db.collection('appeals').add(broken);
    const a = await file('demo-resident');
    await t.db.collection('appeals').doc(a.id).update({ escalateAt: new Date(Date.now() - 60_000) });

    const result = await fire<{ scanned: number; changed: number; failed: number }>('appeals', 'escalateOverdue');
    expect(result.failed).toBeGreaterThanOrEqual(120);
    expect(result.changed).toBeGreaterThanOrEqual(1);
    expect((await t.ok('demo-community-staff', 'appeals', 'detail', { id: a.id })).level).toBe('community');
  }, 120_000);

  it('120 appeals whose effects keep failing do not block the effects of the one behind them', async () => {
    const old = new Date(Date.now() - 3600_000);
    const failing = Array.from({ length: 120 }, (_, i) => ({
      _id: `ap-0failing-${String(i).padStart(3, '0')}`, // sorts before every real id
      no: `FAILING-${i}`,
      version: 1,
      effects: [{ id: `ap-0failing-${i}_v1_0`, kind: 'stats', day: '2026-12-01', category: 'other', delta: { received: 1 } }], // no place: fails
      effectsPending: true,
      effectsAt: old,
    }));
    await t.db.collection('appeals').add(failing);
    const a = await file('demo-resident');
    // Leave the real appeal's effects unapplied, as a crash after its write would.
    const stored = (await t.db.collection('appeals').doc(a.id).get()).data[0] as { version: number };
    await t.db.collection('appeals').doc(a.id).update({
      effects: [{ id: `${a.id}_v${stored.version}_sweep`, kind: 'notify', message: { toOpenid: 'demo-resident', template: 'appealProgress', title: '诉求办理进度通知', page: 'pages/appeal/index', data: {} } }],
      effectsPending: true,
      effectsAt: old,
    });
    const result = await fire<{ flushed: number; retrying: number }>('appeals', 'flushEffects');
    expect(result.retrying).toBeGreaterThanOrEqual(120);
    expect(result.flushed).toBeGreaterThanOrEqual(1);
    expect((await t.db.collection('outbox').where({ _id: `${a.id}_v${stored.version}_sweep` }).count()).total).toBe(1);
  }, 120_000);
});

describe('routing rules are edited through the command runner', () => {
  it('two staff editing different categories at once both land; a stale page is told, not overwritten', async () => {
    await t.db.collection('users').add({ _id: 'cs-second', name: '第二位社工', roles: ['community_staff'], jurisdiction: { level: 'community', unitIds: ['c-haian'] }, createdAt: new Date() });
    const before = await t.ok('demo-community-staff', 'appeals', 'routingRules', {});
    await Promise.all([
      t.ok('demo-community-staff', 'appeals', 'updateRoutingRules', { rules: { heating_water: 'grid' } }),
      t.ok('cs-second', 'appeals', 'updateRoutingRules', { rules: { green_encroachment: 'property' } }),
    ]);
    const after = await t.ok('demo-community-staff', 'appeals', 'routingRules', {});
    const target = (c: string) => after.rules.find((r) => r.category === c)?.target;
    expect([target('heating_water'), target('green_encroachment')]).toEqual(['grid', 'property']);
    expect(after.version).toBe(before.version + 2);
    const stale = await t.call('cs-second', 'appeals', 'updateRoutingRules', { version: before.version, rules: { green_encroachment: null } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.ok('demo-community-staff', 'appeals', 'routingRules', {})).rules.find((r) => r.category === 'green_encroachment')?.target).toBe('property');
  });
});
