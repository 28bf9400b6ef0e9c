/**
 * Appeals through the whole local stack: the real SDK, the function host with per-event identity,
 * the SQLite store. Personas come from the demo seed (scripts/seed/org.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppealCategory, AppealDetail } from '../../types/appeals';
import { adminApp } from '../../scripts/localStack';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

/** 海岸花园1号楼: grid g-haian-1 (张丽), 海岸社区, 向阳街道, property 安居物业 (赵敏). */
const BUILDING = '370602B0001';

interface FileInput {
  category: AppealCategory;
  description: string;
  photos: string[];
  phone: string;
  anonymous: boolean;
  buildingCode: string;
  requestId: string;
}

function fileAs(openid: string, input: Partial<FileInput> = {}) {
  return t.call(openid, 'appeals', 'create', {
    requestId: input.requestId ?? randomUUID(),
    buildingCode: input.buildingCode ?? BUILDING,
    category: input.category ?? 'sanitation',
    description: input.description ?? '楼道里堆满了杂物，影响通行和消防安全',
    photos: input.photos ?? [],
    phone: input.phone,
    anonymous: input.anonymous ?? false,
  });
}

async function file(openid: string, input: Partial<FileInput> = {}): Promise<AppealDetail> {
  const res = await fileAs(openid, input);
  if (!res.ok) throw new Error(`create failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

const countAppeals = async () => (await t.db.collection('appeals').count()).total;

describe('filing (受理)', () => {
  it('routes by rule, sets both deadlines in working time and records the rule on the timeline', async () => {
    const a = await file('demo-resident', { category: 'sanitation', phone: '13905351234' });
    expect(a).toMatchObject({
      status: 'pending',
      statusLabel: '待受理',
      level: 'grid',
      holder: { kind: 'unit', name: '海岸社区第一网格', handlerName: null },
      place: { buildingCode: BUILDING, estateName: '海岸花园', communityName: '海岸社区', streetName: '向阳街道' },
      isOwner: true,
      resident: null,
      version: 1,
      can: { rate: false, follow: false, claim: false },
    });
    expect(a.no).toMatch(/^YT\d{8}-[0-9A-F]{6}$/);
    expect(a.deadline?.kind).toBe('respond');
    expect(a.timeline.map((e) => [e.kind, e.label])).toEqual([
      ['filed', '受理'],
      ['routed', '流转'],
    ]);
    expect(a.timeline[1].text).toBe('按全市默认规则「环境卫生→楼栋所在网格网格员」流转至海岸社区第一网格');
  });

  it('is idempotent: a retry with the same requestId returns the same appeal and writes nothing new', async () => {
    const requestId = randomUUID();
    const before = await countAppeals();
    const [first, second] = await Promise.all([file('demo-resident', { requestId }), file('demo-resident', { requestId })]);
    const third = await file('demo-resident', { requestId });
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    expect(await countAppeals()).toBe(before + 1);
    const outbox = await t.db.collection('outbox').where({ 'source.id': first.id, template: 'appealAccepted' }).count();
    expect(outbox.total).toBe(1);
  });

  it('rejects bad input with the field path and writes nothing', async () => {
    const before = await countAppeals();
    const cases: Array<[Partial<FileInput>, string]> = [
      [{ description: '太长'.repeat(251) }, 'description'],
      [{ photos: Array.from({ length: 7 }, (_, i) => `cloud://env/p${i}.jpg`) }, 'photos'],
      [{ photos: ['https://evil.example/p.jpg'] }, 'photos.0'],
      [{ category: 'bogus' as AppealCategory }, 'category'],
      [{ buildingCode: '110101B0001' }, 'buildingCode'],
      [{ requestId: 'not-a-uuid' }, 'requestId'],
    ];
    for (const [input, path] of cases) {
      const res = await fileAs('demo-resident', input);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!res.ok) expect(res.error.issues?.map((i) => i.path)).toContain(path);
    }
    const otherCity = await fileAs('demo-resident', { buildingCode: '110101B0001' });
    expect(otherCity).toMatchObject({ ok: false, error: { issues: [{ path: 'buildingCode', message: '这不是本市的楼栋码' }] } });
    const unknown = await fileAs('demo-resident', { buildingCode: '370602B9999' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await countAppeals()).toBe(before);
  });
});

describe('我也遇到了 (similar + follow) and the resident views', () => {
  // Only neighbours see and follow each other's appeals: 孙海燕 moves into the same building first.
  beforeAll(() => t.ok('demo-resident-2', 'users', 'bindHousehold', { buildingCode: BUILDING, room: '3单元101' }));

  it('offers the open appeal of the same category at the building, and following it instead of a duplicate', async () => {
    const a = await file('demo-resident', { category: 'heating_water', description: '2单元暖气不热，室温只有14度', anonymous: true });
    const found = await t.ok('demo-resident-2', 'appeals', 'similar', { buildingCode: BUILDING, category: 'heating_water' });
    expect(found).toEqual([expect.objectContaining({ id: a.id, residentName: '匿名居民', following: false, isOwner: false })]);
    const ownSimilar = await t.ok('demo-resident', 'appeals', 'similar', { buildingCode: BUILDING, category: 'heating_water' });
    expect(ownSimilar).toEqual([expect.objectContaining({ id: a.id, residentName: '我', isOwner: true })]);
    expect(await t.ok('demo-resident-2', 'appeals', 'similar', { buildingCode: BUILDING, category: 'elevator' })).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id: a.id })]),
    );

    expect(await t.ok('demo-resident-2', 'appeals', 'follow', { id: a.id })).toEqual({ id: a.id, followerCount: 1, following: true });
    expect(await t.ok('demo-resident-2', 'appeals', 'follow', { id: a.id })).toEqual({ id: a.id, followerCount: 1, following: true });
    const own = await t.call('demo-resident', 'appeals', 'follow', { id: a.id });
    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const seen = await t.ok('demo-resident-2', 'appeals', 'detail', { id: a.id });
    expect(seen).toMatchObject({ isOwner: false, following: true, followerCount: 1, resident: null });
    expect(seen.timeline[0].actorName).toBe('匿名居民');
    const followed = await t.ok('demo-resident-2', 'appeals', 'mine', { scope: 'followed', page: 1, pageSize: 10 });
    expect(followed.items.map((i) => i.id)).toContain(a.id);
  });

  it('follows at once (taps in a row) add the follower once', async () => {
    const a = await file('demo-resident', { category: 'elderly_care', description: '3单元独居老人行动不便，需要助餐服务' });
    // Warm the function's instances first, so that the follows really run side by side.
    await Promise.all(Array.from({ length: 4 }, () => t.ok('demo-resident-2', 'appeals', 'categories', {})));
    const all = await Promise.all(Array.from({ length: 4 }, () => t.ok('demo-resident-2', 'appeals', 'follow', { id: a.id })));
    expect(all).toEqual(Array.from({ length: 4 }, () => ({ id: a.id, followerCount: 1, following: true })));
    const seen = await t.ok('demo-resident-2', 'appeals', 'detail', { id: a.id });
    expect(seen).toMatchObject({ followerCount: 1, following: true });
    expect(seen.timeline.filter((e) => e.kind === 'followed')).toHaveLength(1);
  });

  it('a resident sees only their own (or followed) appeals', async () => {
    const a = await file('demo-resident');
    expect(await t.call('demo-resident-2', 'appeals', 'detail', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-resident', 'appeals', 'detail', { id: 'ap-missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const mine = await t.ok('demo-resident', 'appeals', 'mine', { page: 1, pageSize: 2 });
    expect(mine.items).toHaveLength(2);
    expect(mine.total).toBeGreaterThanOrEqual(3);
    expect(mine.items[0].id).toBe(a.id);
    const theirs = await t.ok('demo-resident-2', 'appeals', 'mine', {});
    expect(theirs.items.map((i) => i.id)).not.toContain(a.id);
  });
});

describe('jurisdiction', () => {
  it('the inbox holds only appeals in the caller’s jurisdiction', async () => {
    const a = await file('demo-resident');
    const ids = async (openid: string) => (await t.ok(openid, 'appeals', 'inbox', { pageSize: 50 })).items.map((i) => i.id);
    expect(await ids('demo-grid-worker')).toContain(a.id);
    expect(await ids('demo-community-staff')).toContain(a.id);
    expect(await ids('demo-street')).toContain(a.id);
    expect(await ids('demo-district')).toContain(a.id);
    expect(await ids('demo-grid-worker-2')).not.toContain(a.id);
    expect(await ids('demo-property')).not.toContain(a.id);
    expect(await t.call('demo-grid-worker-2', 'appeals', 'detail', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-grid-worker-2', 'appeals', 'claim', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-resident', 'appeals', 'inbox', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const page = await t.ok('demo-community-staff', 'appeals', 'inbox', { pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
  });

  it('filters by status and category', async () => {
    const a = await file('demo-resident', { category: 'public_facility', description: '小区路灯坏了三盏，晚上很黑' });
    const byCategory = await t.ok('demo-community-staff', 'appeals', 'inbox', { category: 'public_facility', status: 'pending', pageSize: 50 });
    expect(byCategory.items.map((i) => i.id)).toContain(a.id);
    expect(byCategory.items.every((i) => i.category === 'public_facility' && i.status === 'pending')).toBe(true);
  });
});

describe('claim, reply, resolve, rate (首问负责制)', () => {
  it('two staff claim at once: exactly one wins, the other hears who has it', async () => {
    const a = await file('demo-resident', { phone: '13905351234' });
    const [x, y] = await Promise.all([
      t.call('demo-grid-worker', 'appeals', 'claim', { id: a.id }),
      t.call('demo-community-staff', 'appeals', 'claim', { id: a.id }),
    ]);
    const wins = [x, y].filter((r) => r.ok);
    const losses = [x, y].filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(1);
    const loss = losses[0];
    expect(loss).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!loss.ok) expect(loss.error.message).toMatch(/^该诉求已由(张丽|刘洋)签收$/);
    const stored = await t.ok('demo-district', 'appeals', 'detail', { id: a.id });
    expect(stored).toMatchObject({ status: 'processing', version: 2 });
    expect(stored.timeline.filter((e) => e.kind === 'claimed')).toHaveLength(1);
  });

  it('the accountable handler sees the contact, others see it masked; the full loop with 不满意 once and twice', async () => {
    const a = await file('demo-resident', { phone: '13905351234' });
    const claimed = await t.ok('demo-grid-worker', 'appeals', 'claim', { id: a.id, version: 1 });
    expect(claimed).toMatchObject({ status: 'processing', firstResponderName: '张丽', holder: { handlerName: '张丽' } });
    expect(claimed.resident).toEqual({ name: '王秀英', phone: '13905351234', masked: false });
    expect((await t.ok('demo-community-staff', 'appeals', 'detail', { id: a.id })).resident).toEqual({ name: '王**', phone: '139****1234', masked: true });

    // Stale page: CONFLICT; wrong state: CONFLICT; wrong person: CONFLICT naming the handler.
    expect(await t.call('demo-grid-worker', 'appeals', 'reply', { id: a.id, version: 1, text: '已安排保洁' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该诉求刚刚有了新进展，请刷新后再操作' } });
    expect(await t.call('demo-community-staff', 'appeals', 'resolve', { id: a.id, text: '已处理' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该诉求正由张丽办理，您不能办结' } });
    expect(await t.call('demo-resident', 'appeals', 'rate', { id: a.id, rating: 'satisfied' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '诉求办结后才能评价' } });
    expect(await t.call('demo-resident', 'appeals', 'claim', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await t.ok('demo-grid-worker', 'appeals', 'reply', { id: a.id, text: '已联系保洁，明天上午清理', photos: [] });
    const { fileID: after } = await adminApp(t.cloud.url).uploadFile({ cloudPath: 'uploads/demo-grid-worker/after.jpg', fileContent: Buffer.from('jpeg') });
    const resolved = await t.ok('demo-grid-worker', 'appeals', 'resolve', { id: a.id, text: '杂物已清理，楼道已畅通', photos: [after] });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { text: '杂物已清理，楼道已畅通', photos: [expect.stringMatching(/\/uploads\/demo-grid-worker\/after\.jpg\?/)], byName: '张丽' } });

    expect(await t.call('demo-resident-2', 'appeals', 'rate', { id: a.id, rating: 'dissatisfied' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const reopened = await t.ok('demo-resident', 'appeals', 'rate', { id: a.id, rating: 'dissatisfied', comment: '还有一些没清走' });
    expect(reopened).toMatchObject({ status: 'processing', level: 'grid', holder: { handlerName: '张丽' }, rating: { value: 'dissatisfied', comment: '还有一些没清走' } });
    expect(reopened.timeline.slice(-2).map((e) => e.kind)).toEqual(['rated', 'reopened']);

    await t.ok('demo-grid-worker', 'appeals', 'resolve', { id: a.id, text: '剩余杂物已清走' });
    const escalated = await t.ok('demo-resident', 'appeals', 'rate', { id: a.id, rating: 'dissatisfied' });
    expect(escalated).toMatchObject({ status: 'pending', level: 'community', holder: { kind: 'unit', name: '海岸社区', handlerName: null }, firstResponderName: '张丽' });

    // The first responder keeps it in "我首问的" and still sees the contact.
    const firsts = await t.ok('demo-grid-worker', 'appeals', 'inbox', { scope: 'firstResponder', pageSize: 50 });
    expect(firsts.items.find((i) => i.id === a.id)).toMatchObject({ isFirstResponder: true, isMine: false });
    expect((await t.ok('demo-grid-worker', 'appeals', 'detail', { id: a.id })).resident?.masked).toBe(false);
    // The grid worker cannot claim it back at the community level.
    expect(await t.call('demo-grid-worker', 'appeals', 'claim', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await t.ok('demo-community-staff', 'appeals', 'claim', { id: a.id });
    await t.ok('demo-community-staff', 'appeals', 'resolve', { id: a.id, text: '社区协调物业彻底清理' });
    const closed = await t.ok('demo-resident', 'appeals', 'rate', { id: a.id, rating: 'satisfied', comment: '谢谢' });
    expect(closed).toMatchObject({ status: 'closed', rating: { value: 'satisfied' } });
    expect(closed.timeline.map((e) => e.kind)).toEqual([
      'filed',
      'routed',
      'claimed',
      'replied',
      'resolved',
      'rated',
      'reopened',
      'resolved',
      'rated',
      'escalated',
      'claimed',
      'resolved',
      'rated',
    ]);
    expect(await t.call('demo-resident', 'appeals', 'rate', { id: a.id, rating: 'satisfied' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('transfer (转办) and escalate (上报)', () => {
  it('needs a reason; moves the appeal to another grid of the community; the first responder stays accountable', async () => {
    const a = await file('demo-resident', { category: 'neighbour_dispute', description: '楼上装修噪音很大，晚上十点还在施工' });
    await t.ok('demo-grid-worker', 'appeals', 'claim', { id: a.id });
    const noReason = await t.call('demo-grid-worker', 'appeals', 'transfer', { id: a.id, to: { target: 'grid', gridId: 'g-haian-2' }, reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'reason' }] } });
    const elsewhere = await t.call('demo-grid-worker', 'appeals', 'transfer', { id: a.id, to: { target: 'grid', gridId: 'g-shengli-1' }, reason: '不归我管' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'to.gridId' }] } });

    const moved = await t.ok('demo-grid-worker', 'appeals', 'transfer', { id: a.id, to: { target: 'grid', gridId: 'g-haian-2' }, reason: '施工方住在第二网格，由周强协调' });
    expect(moved).toMatchObject({ status: 'pending', holder: { name: '海岸社区第二网格', handlerName: null }, firstResponderName: '张丽' });
    expect(moved.timeline.at(-1)).toMatchObject({ kind: 'transferred', label: '转办', actorName: '张丽', text: '转至海岸社区第二网格：施工方住在第二网格，由周强协调' });

    const todo = await t.ok('demo-grid-worker-2', 'appeals', 'inbox', { scope: 'todo', pageSize: 50 });
    expect(todo.items.map((i) => i.id)).toContain(a.id);
    const claimed = await t.ok('demo-grid-worker-2', 'appeals', 'claim', { id: a.id });
    expect(claimed).toMatchObject({ firstResponderName: '张丽', holder: { handlerName: '周强' } });
    const mine = await t.ok('demo-grid-worker-2', 'appeals', 'inbox', { scope: 'mine', pageSize: 50 });
    expect(mine.items.find((i) => i.id === a.id)).toMatchObject({ isMine: true, isFirstResponder: false });

    const up = await t.ok('demo-grid-worker-2', 'appeals', 'escalate', { id: a.id, reason: '需要社区出面调解' });
    expect(up).toMatchObject({ level: 'community', status: 'pending', holder: { name: '海岸社区' } });
    expect(up.timeline.at(-1)).toMatchObject({ kind: 'escalated', actorName: '周强', text: '上报至海岸社区：需要社区出面调解' });
    const bulletin = await t.ok('demo-community-staff', 'appeals', 'bulletin', {});
    expect(bulletin.items.find((b) => b.appealId === a.id)).toMatchObject({ reason: 'manual', reasonLabel: '下级上报', toLevel: 'community', fromName: '海岸社区第二网格' });
  });
});

describe('property loop (物业受理、社区督办、群众评价)', () => {
  it('routes property categories to the estate’s company; the community presses; the resident rates', async () => {
    const a = await file('demo-resident', { category: 'elevator', description: '1号楼电梯停运两天了，老人上下楼很困难' });
    expect(a.holder).toMatchObject({ kind: 'property', name: '安居物业服务有限公司' });
    expect(a.timeline[1].text).toBe('按全市默认规则「电梯故障→小区物业公司」流转至安居物业服务有限公司');

    const propInbox = await t.ok('demo-property', 'appeals', 'inbox', { pageSize: 50 });
    expect(propInbox.items.map((i) => i.id)).toContain(a.id);
    expect(await t.call('demo-community-staff', 'appeals', 'claim', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-grid-worker', 'appeals', 'press', { id: a.id, note: '请尽快' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const pressed = await t.ok('demo-community-staff', 'appeals', 'press', { id: a.id, note: '请今天内安排维保' });
    expect(pressed.timeline.at(-1)).toMatchObject({ kind: 'pressed', label: '督办', text: '请今天内安排维保', actorName: '刘洋' });
    const pressMsg = await t.db.collection('outbox').where({ 'source.id': a.id, template: 'staffPressed', toOpenid: 'demo-property' }).count();
    expect(pressMsg.total).toBe(1);

    await t.ok('demo-property', 'appeals', 'claim', { id: a.id });
    await t.ok('demo-property', 'appeals', 'resolve', { id: a.id, text: '维保单位已更换控制板，电梯恢复运行' });
    const rated = await t.ok('demo-resident', 'appeals', 'rate', { id: a.id, rating: 'basically_satisfied' });
    expect(rated).toMatchObject({ status: 'closed', rating: { label: '基本满意' } });
  });
});

describe('routing rules (流转规则)', () => {
  it('community staff override a category for their community; the next appeal follows it and says so', async () => {
    const view = await t.ok('demo-community-staff', 'appeals', 'routingRules', {});
    expect(view).toMatchObject({ communityId: 'c-haian', fallback: 'community' });
    expect(view.rules.find((r) => r.category === 'parking')).toMatchObject({ target: 'property', source: 'city' });

    expect(await t.call('demo-grid-worker', 'appeals', 'updateRoutingRules', { rules: { parking: 'grid' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-community-staff', 'appeals', 'updateRoutingRules', { communityId: 'c-shengli', rules: { parking: 'grid' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const updated = await t.ok('demo-community-staff', 'appeals', 'updateRoutingRules', { rules: { parking: 'grid' } });
    expect(updated.rules.find((r) => r.category === 'parking')).toMatchObject({ target: 'grid', source: 'community' });
    expect(updated.updatedByName).toBe('刘洋');

    const a = await file('demo-resident', { category: 'parking', description: '消防通道被私家车长期占用' });
    expect(a.holder).toMatchObject({ kind: 'unit', name: '海岸社区第一网格' });
    expect(a.timeline[1].text).toBe('按社区规则「停车秩序→楼栋所在网格网格员」流转至海岸社区第一网格');

    const back = await t.ok('demo-community-staff', 'appeals', 'updateRoutingRules', { rules: { parking: null } });
    expect(back.rules.find((r) => r.category === 'parking')).toMatchObject({ target: 'property', source: 'city' });
    const streetView = await t.ok('demo-street', 'appeals', 'routingRules', { communityId: 'c-haian' });
    expect(streetView.communityName).toBe('海岸社区');
  });
});

describe('demo seed (scripts/seed/appeals.ts)', () => {
  it('writes the routing override and files the demo appeals through the function, once', async () => {
    const { seedAppeals, seedDemoAppeals } = await import('../../scripts/seed/appeals');
    const call = ((openid: string, action: 'create', input: never) => t.call(openid, 'appeals', action, input)) as Parameters<typeof seedDemoAppeals>[0];
    await seedAppeals(t.db);
    await seedAppeals(t.db);
    const before = await countAppeals();
    await seedDemoAppeals(call);
    await seedDemoAppeals(call);
    expect(await countAppeals()).toBe(before + 4);
    const rules = await t.ok('demo-district', 'appeals', 'routingRules', { communityId: 'c-yuhuang' });
    expect(rules.rules.find((r) => r.category === 'sanitation')).toMatchObject({ target: 'property', source: 'community' });
    const todo = await t.ok('demo-grid-worker', 'appeals', 'inbox', { scope: 'mine', pageSize: 50 });
    expect(todo.items.some((i) => i.excerpt.startsWith('楼道里堆了很多纸箱'))).toBe(true);
  });
});
