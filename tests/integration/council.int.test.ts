/**
 * 家园议事会 through the whole local stack (the real SDK, the function host with per-event identity,
 * SQLite): 提事 by verified residents only, 附议 one per household up to the agenda, a vote window
 * opened by staff on a roll fixed at the opening (each resident on it told once), 200 residents of 100
 * households voting at the same instant (one vote per household, tallies equal to the stored votes),
 * retries, refusals (unverified, out of scope, revoked, verified after the opening, after the window,
 * bad input) and the timer that closes the window and counts against the roll, run twice.
 *
 * Arranged: 3号楼 (b-0003, 海岸社区第一网格) gets 100 verified households of two residents each
 * (cv-000…cv-199), the even-numbered ones with a recorded floor area of 90㎡.
 */
import { randomUUID } from 'node:crypto';
import type { MatterView } from '../../types/council';
import type { Envelope } from '../../types/contract';
import { adminApp } from '../../scripts/localStack';
import { blankResidence, householdKey } from '../../cloudfunctions/users/domain/residence';
import { startTestCloud, type TestCloud } from '../support/cloud';

jest.setTimeout(60_000);

let t: TestCloud;

const BUILDING = 'b-0003';
const CODE = '370602B0003';
const place = { gridId: 'g-haian-1', communityId: 'c-haian', streetId: 's-xiangyang', districtId: 'd-370602' };
const resident = (i: number) => `cv-${String(i).padStart(3, '0')}`;
const roomOf = (household: number) => `${Math.floor(household / 4) + 1}单元${(household % 4) + 1}0${Math.floor(household / 40) + 1}`;

async function addAll(collection: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 100) await t.db.collection(collection).add(docs.slice(i, i + 100));
}

beforeAll(async () => {
  t = await startTestCloud();
  const now = new Date();
  const users: object[] = [];
  const residences: object[] = [];
  for (let i = 0; i < 200; i++) {
    const household = Math.floor(i / 2);
    const room = roomOf(household);
    users.push({ _id: resident(i), name: `居民${i}`, roles: ['resident'], household: { buildingId: BUILDING, room }, createdAt: now });
    const h = { buildingId: BUILDING, buildingName: '3号楼', estateId: 'c-haian-e1', room, key: householdKey(BUILDING, room) };
    residences.push({ ...blankResidence(resident(i), `居民${i}`, null, h, place, now), status: 'verified', area: household % 2 === 0 ? 90 : null, version: 1 });
  }
  await addAll('users', users);
  await addAll('residences', residences);
}, 120_000);
afterAll(() => t?.close());

const count = async (collection: string, where: Record<string, unknown> = {}) => (await t.db.collection(collection).where(where).count()).total;

/** A fresh resident of `code` with a room, verified by the building's grid worker (through the actions). */
async function verified(openid: string, code: string, room: string, worker: string): Promise<void> {
  await t.ok(openid, 'users', 'bindHousehold', { buildingCode: code, room });
  await t.ok(openid, 'users', 'requestResidence', {});
  await t.ok(worker, 'users', 'decideResidence', { openid, approve: true });
}

const raise = (openid: string, extra: Record<string, unknown> = {}) =>
  t.call(openid, 'council', 'raise', { requestId: randomUUID(), title: '3号楼加装电梯', description: '3号楼老人多，上下楼困难，提议加装电梯，费用按楼层分摊。', scope: 'building', ...extra } as never) as Promise<Envelope<MatterView>>;

/** Ends a vote window now (after every vote above was cast), its count due at once. */
async function endWindow(id: string): Promise<void> {
  const now = new Date();
  await t.db.collection('councilMatters').doc(id).update({ 'ballot.closesAt': now, tallyAt: now });
  await new Promise((r) => setTimeout(r, 5));
}

const closes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('提事', () => {
  it('a verified resident raises; a retry is the same matter; their household is the first 附议', async () => {
    const requestId = randomUUID();
    const input = { requestId, title: '3号楼楼道加装声控灯', description: '3号楼楼道晚上很黑，老人上下楼容易摔倒，建议加装声控灯。', scope: 'building' as const };
    const [a, b] = await Promise.all([t.ok(resident(0), 'council', 'raise', input), t.ok(resident(0), 'council', 'raise', input)]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ stage: 'proposed', stageLabel: '征集附议', step: 'propose', cosigns: 1, threshold: 5, scope: { kind: 'building', name: '海岸花园3号楼' }, raisedBy: '3号楼居民' });
    expect(a.mine).toMatchObject({ verified: true, inScope: true, cosigned: true, canCosign: false });
    expect(await count('councilMatters', { _id: a.id })).toBe(1);
    expect(await count('councilCosigns', { matterId: a.id })).toBe(1);
    const board = await t.ok('demo-resident', 'council', 'board', { step: 'propose' });
    expect(board.items.map((m) => m.id)).toContain(a.id);
  });

  it('refuses the unverified (still readable for them), bad input on its field and others’ photos; nothing is written', async () => {
    const before = await count('councilMatters');
    await t.ok('cv-pending', 'users', 'bindHousehold', { buildingCode: CODE, room: '9单元901' });
    await t.ok('cv-pending', 'users', 'requestResidence', {});
    expect(await raise('cv-pending')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '完成住户认证后才能附议和投票' } });
    expect(await raise('stranger-9')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await raise(resident(2), { title: '灯' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'title' }] } });
    expect(await raise(resident(2), { scope: 'street' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'scope' }] } });
    const { fileID } = await adminApp(t.cloud.url).uploadFile({ cloudPath: 'uploads/demo-resident/x.jpg', fileContent: Buffer.from('jpeg') });
    expect(await raise(resident(2), { photos: [fileID] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'photos.0' }] } });
    expect(await count('councilMatters')).toBe(before);
    expect((await t.ok('cv-pending', 'council', 'board', {})).total).toBeGreaterThan(0);
  });

  it('content screening: risky text is refused on its field; text for review waits for staff before neighbours see it', async () => {
    const before = await count('councilMatters');
    expect(await raise(resident(20), { description: '楼下有人聚众赌博，影响休息，希望处理一下。' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'description' }] } });
    expect(await count('councilMatters')).toBe(before);
    const held = await raise(resident(20), { description: '想组织团购净水器，有意向的加微信一起商量。' });
    if (!held.ok) throw new Error(held.error.message);
    expect(held.data).toMatchObject({ stage: 'review', stageLabel: '待审核', step: null });
    expect(await t.call(resident(30), 'council', 'matter', { id: held.data.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(resident(30), 'council', 'cosign', { id: held.data.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(resident(30), 'council', 'board', { step: 'review' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.ok('demo-community-staff', 'council', 'board', { step: 'review' })).items.map((m) => m.id)).toContain(held.data.id);
    const shown = await t.ok('demo-community-staff', 'council', 'moderate', { id: held.data.id, approve: true });
    expect(shown).toMatchObject({ stage: 'proposed', cosigns: 1 });
    expect((await t.ok(resident(30), 'council', 'matter', { id: held.data.id })).mine.canCosign).toBe(true);
    expect(await t.call('demo-community-staff', 'council', 'moderate', { id: held.data.id, approve: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'reason' }] } });
    expect((await t.ok('demo-community-staff', 'council', 'moderate', { id: held.data.id, approve: false, reason: '属于商业推广，不属于公共事务' })).stage).toBe('declined');
  });

  it('staff raise about a place in their jurisdiction straight onto the agenda; not outside it', async () => {
    const m = await t.ok('demo-community-staff', 'council', 'raise', { requestId: randomUUID(), title: '小区停车位重新划线', description: '海岸花园地面停车位划线模糊，拟重新划线并增设充电桩位置。', scope: 'estate', placeId: 'c-haian-e1' });
    expect(m).toMatchObject({ stage: 'agenda', byStaff: true, cosigns: 0, scope: { kind: 'estate', name: '海岸花园' } });
    const outside = await t.call('demo-community-staff', 'council', 'raise', { requestId: randomUUID(), title: '胜利小区停车', description: '不在辖区内的小区，应当被拒绝才对。', scope: 'estate', placeId: 'c-shengli-e1' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('附议', () => {
  it('one per household (a family member or a retry adds nothing), only in scope; at 5 households it goes on the agenda', async () => {
    const m = (await raise(resident(10))) as { ok: true; data: MatterView };
    const id = m.data.id;
    expect((await t.ok(resident(11), 'council', 'cosign', { id })).cosigns).toBe(1); // same household as cv-010
    await verified('cv-other', '370602B0004', '1单元101', 'demo-grid-worker');
    expect(await t.call('cv-other', 'council', 'cosign', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该议题仅限范围内的住户参与' } });
    expect(await t.call('cv-pending', 'council', 'cosign', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Eight residents of four more households at once.
    const all = await Promise.all([12, 13, 14, 15, 16, 17, 18, 19].map((i) => t.ok(resident(i), 'council', 'cosign', { id })));
    expect(all.every((v) => v.mine.cosigned)).toBe(true);
    const after = await t.ok(resident(10), 'council', 'matter', { id });
    expect(after).toMatchObject({ cosigns: 5, stage: 'agenda', step: 'discuss' });
    expect(await count('councilCosigns', { matterId: id })).toBe(5);
    // The raiser hears it went on the agenda, once.
    const msgs = (await t.db.collection('outbox').where({ toOpenid: resident(10), template: 'councilMatterUpdate' }).get()).data as Array<{ page: string; data: Record<string, string> }>;
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ page: `packages/council/matter/index?id=${id}`, data: { phrase2: '议事中' } });
  });
});

describe('表决', () => {
  let id: string;

  beforeAll(async () => {
    const m = await t.ok('demo-community-staff', 'council', 'raise', { requestId: randomUUID(), title: '3号楼外墙保温改造', description: '3号楼外墙保温层脱落，拟使用维修资金进行外墙保温改造。', scope: 'building', placeId: BUILDING });
    id = m.id;
    await verified('cv-revoked', CODE, '8单元801', 'demo-grid-worker');
  }, 60_000);

  it('议事: staff record a meeting’s minutes before the vote; residents may not', async () => {
    const input = { id, day: '2026-12-05', place: '海岸社区议事厅', minutes: '到会住户32户，讨论了外墙保温的材料和分摊方式，同意提交表决。' };
    expect(await t.call(resident(0), 'council', 'minutes', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-community-staff', 'council', 'minutes', { ...input, minutes: '太短' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'minutes' }] } });
    const held = await t.ok('demo-community-staff', 'council', 'minutes', input);
    expect(held.meetings).toEqual([{ day: '2026-12-05', place: '海岸社区议事厅', minutes: input.minutes, by: '刘洋' }]);
    expect((await t.ok(resident(0), 'council', 'matter', { id })).meetings).toHaveLength(1);
  });

  it('only staff who manage the matter open a vote; not before, and options are checked', async () => {
    expect(await t.call(resident(0), 'council', 'vote', { id, optionId: 'yes' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该议题尚未开始表决' } });
    expect(await t.call(resident(0), 'council', 'openVote', { id, rule: 'civil278', closesAt: closes(60) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-grid-worker-2', 'council', 'openVote', { id, rule: 'civil278', closesAt: closes(60) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-community-staff', 'council', 'openVote', { id, rule: 'civil278', closesAt: closes(1) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'closesAt' }] } });
    expect(await t.call('demo-community-staff', 'council', 'openVote', { id, rule: 'civil278', options: ['甲', '甲'], closesAt: closes(60) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'options' }] } });
    const opened = await t.ok('demo-community-staff', 'council', 'openVote', { id, rule: 'civil278', major: true, closesAt: closes(60) });
    // The roll: 100 households of cv-000…cv-199 and cv-revoked's, 50 of them with 90㎡.
    expect(opened).toMatchObject({ stage: 'voting', ballot: { open: true, rule: 'civil278', major: true, turnout: { voted: 0, eligible: 101 }, roll: { households: 101, areaKnownHouseholds: 50, area: 4500 }, result: null } });
    expect(opened.ballot?.options.map((o) => o.label)).toEqual(['赞成', '反对', '弃权']);
    expect(await count('councilRoll', { matterId: id })).toBe(101);
  });

  it('every verified resident on the roll is told once; a second opening or a re-applied effect tells nobody again', async () => {
    const told = async () => (await t.db.collection('outbox').where({ template: 'councilVoteOpened', 'source.id': id }).limit(1000).get()).data as Array<{ toOpenid: string; page: string; data: Record<string, string> }>;
    const first = await told();
    expect(first).toHaveLength(201);
    expect(new Set(first.map((m) => m.toOpenid))).toEqual(new Set([...Array.from({ length: 200 }, (_, i) => resident(i)), 'cv-revoked']));
    expect(first[0]).toMatchObject({ page: `packages/council/matter/index?id=${id}`, data: { thing1: '3号楼外墙保温改造', thing2: '海岸花园3号楼住户' } });
    expect(await t.call('demo-community-staff', 'council', 'openVote', { id, rule: 'civil278', closesAt: closes(60) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The announce effect left behind as by a crash after the write: the sweep applies it again.
    const doc = (await t.db.collection('councilMatters').doc(id).get()).data[0] as { version: number; ballot: { roll: { id: string } } };
    const old = new Date(Date.now() - 60_000);
    await t.db.collection('councilMatters').doc(id).update({ effects: [{ id: `${id}_v${doc.version}_announce`, kind: 'announce', rollId: doc.ballot.roll.id }], effectsPending: true, effectsAt: old });
    expect((await t.cloud.host.fireTimer('council', 'flushEffects')).result).toMatchObject({ ok: true, data: { flushed: 1 } });
    expect(await told()).toHaveLength(201);
    expect(await count('councilRoll', { matterId: id })).toBe(101);
  });

  it('refuses the unverified, the out-of-scope, a revoked resident and an unknown option; writes nothing', async () => {
    await t.ok('demo-grid-worker', 'users', 'revokeResidence', { openid: 'cv-revoked', reason: '核实已搬离' });
    expect(await t.call('cv-revoked', 'council', 'vote', { id, optionId: 'yes' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('cv-pending', 'council', 'vote', { id, optionId: 'yes' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('cv-other', 'council', 'vote', { id, optionId: 'yes' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(resident(0), 'council', 'vote', { id, optionId: 'maybe' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'optionId' }] } });
    expect(await t.call(resident(0), 'council', 'vote', { id } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'optionId' }] } });
    expect(await count('councilVotes', { matterId: id })).toBe(0);
  });

  it('a household verified after the opening is not on the roll: its vote is refused and the bar does not move', async () => {
    await verified('cv-late', CODE, '7单元701', 'demo-grid-worker');
    const seen = await t.ok('cv-late', 'council', 'matter', { id });
    expect(seen.mine).toMatchObject({ verified: true, inScope: true, onRoll: false, canVote: false, hint: '您家在本次表决发起后才完成认证，不在表决名册内，不能参加本次表决' });
    expect(await t.call('cv-late', 'council', 'vote', { id, optionId: 'yes' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您家在本次表决发起后才完成认证，不在表决名册内，不能参加本次表决' } });
    expect(await count('councilVotes', { matterId: id })).toBe(0);
    expect(seen.ballot).toMatchObject({ turnout: { eligible: 101 }, roll: { households: 101, areaKnownHouseholds: 50, area: 4500 } });
    expect((await t.ok(resident(0), 'council', 'matter', { id })).mine).toMatchObject({ onRoll: true, canVote: true, hint: null });
  });

  it('200 residents of 100 households at the same instant: exactly one vote per household; only turnout shows', async () => {
    // Households 0–69 赞成, 70–89 反对, 90–99 弃权; both residents of a household choose alike.
    const choice = (household: number) => (household < 70 ? 'yes' : household < 90 ? 'no' : 'abstain');
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => t.call(resident(i), 'council', 'vote', { id, optionId: choice(Math.floor(i / 2)) })));
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(100);
    expect(new Set(refused.map((r) => `${r.error.code} ${r.error.message}`))).toEqual(new Set(['CONFLICT 您家已由家人投过票，每户只能投一票']));
    const stored = (await t.db.collection('councilVotes').where({ matterId: id }).limit(1000).get()).data as Array<{ householdId: string; optionId: string; voter: string }>;
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((v) => v.householdId)).size).toBe(100);
    // Every stored vote names no room.
    expect(JSON.stringify(stored)).not.toMatch(/单元/);

    const live = await t.ok(resident(0), 'council', 'matter', { id });
    expect(live.ballot).toMatchObject({ open: true, turnout: { voted: 100, eligible: 101 }, result: null, buildings: null });
    expect(live.mine.householdVote).toMatchObject({ optionId: 'yes', label: '赞成' });
    expect(live.mine.canVote).toBe(false);
    const staffView = await t.ok('demo-community-staff', 'council', 'matter', { id });
    expect(staffView.ballot?.buildings).toEqual([{ buildingId: BUILDING, name: '3号楼', voted: 100 }]);
    expect(staffView.ballot?.result).toBeNull();
  }, 120_000);

  it('a retry never votes twice, and a vote is never changed', async () => {
    const again = await Promise.all([t.call(resident(0), 'council', 'vote', { id, optionId: 'yes' }), t.call(resident(1), 'council', 'vote', { id, optionId: 'yes' })]);
    const mine = again.find((r) => r.ok && r.data.mine.householdVote?.byMe);
    expect(mine).toBeDefined();
    expect(await t.call(resident(0), 'council', 'vote', { id, optionId: 'no' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await count('councilVotes', { matterId: id })).toBe(100);
  });

  it('after the window: votes refused; the timer counts once — tallies equal the stored votes, 278 by households and area', async () => {
    await endWindow(id);
    expect(await t.call(resident(0), 'council', 'vote', { id, optionId: 'yes' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '表决已结束，不能再投票' } });

    const first = await t.cloud.host.fireTimer('council', 'closeVotes');
    expect(first.result).toMatchObject({ ok: true, data: { changed: 1 } });
    const closed = await t.ok(resident(5), 'council', 'matter', { id });
    const stored = (await t.db.collection('councilVotes').where({ matterId: id }).limit(1000).get()).data as Array<{ optionId: string }>;
    const result = closed.ballot!.result!;
    for (const o of result.options) expect(o.households).toBe(stored.filter((v) => v.optionId === o.id).length);
    // The roll at the opening: 101 households (cv-revoked's since revoked, cv-late's verified since, neither moves it);
    // areas known for the 50 even households (90㎡ each).
    expect(result).toMatchObject({ eligibleHouseholds: 101, votedHouseholds: 100, eligibleArea: 4500, votedArea: 4500, areaKnownHouseholds: 50 });
    expect(result.options.map((o) => [o.id, o.households, o.area])).toEqual([['yes', 70, 3150], ['no', 20, 900], ['abstain', 10, 450]]);
    // A major matter needs ≥ 3/4: 70 of 100 participants is not enough.
    expect(result).toMatchObject({ outcome: 'failed', winner: null });
    expect(closed).toMatchObject({ stage: 'closed', ballot: { open: false, turnout: { voted: 100, eligible: 101 } } });

    // The timer again (and twice at once): nothing more is counted, the result stays as it was.
    const again = await Promise.all([t.cloud.host.fireTimer('council', 'closeVotes'), t.cloud.host.fireTimer('council', 'closeVotes')]);
    for (const run of again) expect(run.result).toMatchObject({ ok: true, data: { changed: 0 } });
    const after = await t.ok(resident(5), 'council', 'matter', { id });
    expect(after.ballot?.result).toEqual(result);
    expect(after.version).toBe(closed.version);
    expect(await t.call(resident(0), 'council', 'vote', { id, optionId: 'yes' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a simple-majority vote that passes goes to 办事, then 评事 and closed', async () => {
    const m = await t.ok('demo-community-staff', 'council', 'raise', { requestId: randomUUID(), title: '3号楼门禁更换方案', description: '3号楼单元门禁老化，拟更换为刷卡门禁，请在两个方案中选择。', scope: 'building', placeId: BUILDING });
    const opened = await t.ok('demo-community-staff', 'council', 'openVote', { id: m.id, rule: 'majority', quorumPercent: 30, options: ['刷卡门禁', '人脸识别门禁'], closesAt: closes(30) });
    const onRoll = opened.ballot!.roll.households;
    await Promise.all(Array.from({ length: 40 }, (_, h) => t.ok(resident(h * 2), 'council', 'vote', { id: m.id, optionId: h < 25 ? 'o2' : 'o1' })));
    // A household verified while the window is open neither votes nor moves the quorum.
    await verified('cv-late-2', CODE, '7单元702', 'demo-grid-worker');
    expect(await t.call('cv-late-2', 'council', 'vote', { id: m.id, optionId: 'o1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await endWindow(m.id);
    // Two timers at once: one counts, the other finds it counted.
    const runs = await Promise.all([t.cloud.host.fireTimer('council', 'closeVotes'), t.cloud.host.fireTimer('council', 'closeVotes')]);
    expect(runs.map((r) => (r.result as { data: { changed: number } }).data.changed).sort()).toEqual([0, 1]);
    const counted = await t.ok('demo-community-staff', 'council', 'matter', { id: m.id });
    expect(counted).toMatchObject({ stage: 'doing', ballot: { result: { outcome: 'passed', winner: 'o2', votedHouseholds: 40, eligibleHouseholds: onRoll } }, can: { advance: true } });
    expect(counted.ballot?.result?.checks[0]).toEqual({ label: `参与表决户数达到30%（40/${onRoll}户）`, met: true });
    // 办事: progress with an owner and a due day; residents may not record it.
    expect(await t.call(resident(0), 'council', 'progress', { id: m.id, note: '已联系厂家' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-community-staff', 'council', 'progress', { id: m.id, note: '已联系厂家', dueDay: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'dueDay' }] } });
    const stepped = await t.ok('demo-community-staff', 'council', 'progress', { id: m.id, note: '已与厂家签订安装合同', owner: '刘洋', dueDay: '2026-12-31' });
    expect(stepped.progress).toEqual([expect.objectContaining({ note: '已与厂家签订安装合同', owner: '刘洋', dueDay: '2026-12-31', by: '刘洋' })]);
    expect(await t.call(resident(0), 'council', 'rate', { id: m.id, stars: 5 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '办结后才能评价' } });
    const done = await t.ok('demo-community-staff', 'council', 'advance', { id: m.id, note: '已完成人脸识别门禁安装' });
    expect(done.stage).toBe('rating');
    // 评事: one rating per household; a family member's second one is refused, a retry is the same.
    expect((await t.ok(resident(0), 'council', 'rate', { id: m.id, stars: 5 })).mine).toMatchObject({ rated: 5, canRate: false });
    expect((await t.ok(resident(0), 'council', 'rate', { id: m.id, stars: 5 })).rating).toEqual({ count: 1, average: 5 });
    expect(await t.call(resident(1), 'council', 'rate', { id: m.id, stars: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call(resident(2), 'council', 'rate', { id: m.id, stars: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'stars' }] } });
    expect((await t.ok(resident(2), 'council', 'rate', { id: m.id, stars: 4 })).rating).toEqual({ count: 2, average: 4.5 });
    expect(await t.call('cv-other', 'council', 'rate', { id: m.id, stars: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.ok('demo-community-staff', 'council', 'advance', { id: m.id })).stage).toBe('closed');
    expect(await t.call(resident(4), 'council', 'rate', { id: m.id, stars: 3 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '评价已结束' } });
    expect(await t.call(resident(0), 'council', 'advance', { id: m.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a vote cast before a revocation', () => {
  it('stands, with its household and area, when the household is no longer verified at the count', async () => {
    const m = await t.ok('demo-community-staff', 'council', 'raise', { requestId: randomUUID(), title: '3号楼楼顶防水维修', description: '3号楼顶层漏水，拟使用维修资金对楼顶防水层进行维修。', scope: 'building', placeId: BUILDING });
    await t.ok('demo-community-staff', 'council', 'openVote', { id: m.id, rule: 'civil278', closesAt: closes(30) });
    await t.ok(resident(196), 'council', 'vote', { id: m.id, optionId: 'yes' }); // household 98: 90㎡
    await t.ok('demo-grid-worker', 'users', 'revokeResidence', { openid: resident(196), reason: '核实已搬离' });
    await t.ok('demo-grid-worker', 'users', 'revokeResidence', { openid: resident(197), reason: '核实已搬离' });
    expect(await t.call(resident(197), 'council', 'vote', { id: m.id, optionId: 'no' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await endWindow(m.id);
    await t.cloud.host.fireTimer('council', 'closeVotes');
    const { result } = (await t.ok('demo-community-staff', 'council', 'matter', { id: m.id })).ballot!;
    // The roll: the 100 households, cv-late's and cv-late-2's (verified before this opening).
    expect(result).toMatchObject({ outcome: 'failed', eligibleHouseholds: 102, votedHouseholds: 1, votedArea: 90, eligibleArea: 4500 });
  });
});

describe('发起表决 twice at once, after a crashed attempt', () => {
  it('opens once on one complete roll; the loser’s and the crashed attempt’s rolls are dropped; each resident told once', async () => {
    const m = await t.ok('demo-community-staff', 'council', 'raise', { requestId: randomUUID(), title: '3号楼楼道粉刷', description: '3号楼楼道墙面脱落严重，拟统一粉刷并更换楼道窗户。', scope: 'building', placeId: BUILDING });
    // What an attempt that crashed before opening the window left behind.
    await t.db.collection('councilRoll').add([{ _id: 'rl-crashed:hh1', rollId: 'rl-crashed', matterId: m.id, householdId: 'hh1', buildingId: BUILDING, area: null, residents: [resident(0)], at: new Date() }]);
    const input = { id: m.id, rule: 'majority' as const, closesAt: closes(30) };
    const both = await Promise.all([t.call('demo-community-staff', 'council', 'openVote', input), t.call('demo-community-staff', 'council', 'openVote', input)]);
    const won = both.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const doc = (await t.db.collection('councilMatters').doc(m.id).get()).data[0] as { ballot: { roll: { id: string; households: number } } };
    // The verified residents of 3号楼 now (nobody was verified or revoked while it opened).
    const residents = (await t.db.collection('residences').where({ buildingId: BUILDING, status: 'verified' }).limit(1000).get()).data as Array<{ _id: string; householdKey: string }>;
    const households = new Set(residents.map((r) => r.householdKey)).size;
    expect(households).toBeGreaterThanOrEqual(99);
    expect(doc.ballot.roll.households).toBe(households);
    expect(await count('councilRoll', { matterId: m.id })).toBe(households);
    expect(await count('councilRoll', { matterId: m.id, rollId: doc.ballot.roll.id })).toBe(households);
    const told = (await t.db.collection('outbox').where({ template: 'councilVoteOpened', 'source.id': m.id }).limit(1000).get()).data as Array<{ toOpenid: string }>;
    expect(told.map((x) => x.toOpenid).sort()).toEqual(residents.map((r) => r._id).sort());
  }, 120_000);
});

describe('议事设置', () => {
  it('community staff set the 附议 threshold of their community; later matters use it; others may not change it', async () => {
    expect(await t.ok('demo-grid-worker', 'council', 'settings', {})).toMatchObject({ communityId: 'c-haian', cosignThreshold: 5, canEdit: false });
    expect(await t.call('demo-grid-worker', 'council', 'saveSettings', { cosignThreshold: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-street', 'council', 'saveSettings', { communityId: 'c-haian', cosignThreshold: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-community-staff', 'council', 'saveSettings', { cosignThreshold: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'cosignThreshold' }] } });
    expect(await t.call('demo-community-staff', 'council', 'saveSettings', { communityId: 'c-shengli', cosignThreshold: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.ok('demo-community-staff', 'council', 'saveSettings', { cosignThreshold: 3 })).toMatchObject({ cosignThreshold: 3, canEdit: true });
    const m = await raise(resident(40));
    if (!m.ok) throw new Error(m.error.message);
    expect(m.data.threshold).toBe(3);
    await Promise.all([t.ok(resident(42), 'council', 'cosign', { id: m.data.id }), t.ok(resident(44), 'council', 'cosign', { id: m.data.id })]);
    expect(await t.ok(resident(40), 'council', 'matter', { id: m.data.id })).toMatchObject({ cosigns: 3, stage: 'agenda' });
    await t.ok('demo-community-staff', 'council', 'saveSettings', { cosignThreshold: 5 });
  });
});

describe('议事 comments', () => {
  it('residents of the community (verified or not) and staff comment and reply; a retry is one comment; outsiders may not', async () => {
    const id = 'mt-demo-parking';
    const requestId = randomUUID();
    const [a, b] = await Promise.all([
      t.ok('cv-pending', 'council', 'comment', { id, requestId, text: '南侧充电区离楼太近，建议挪到东门。' }),
      t.ok('cv-pending', 'council', 'comment', { id, requestId, text: '南侧充电区离楼太近，建议挪到东门。' }),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ author: '3号楼居民', byStaff: false, mine: true, held: false });
    const reply = await t.ok('demo-community-staff', 'council', 'comment', { id, requestId: randomUUID(), text: '好的，会后和物业一起再看一下位置。', replyTo: a.id });
    expect(reply).toMatchObject({ author: '海岸社区工作人员', byStaff: true, replyTo: a.id });
    expect(await t.call('stranger-9', 'council', 'comment', { id, requestId: randomUUID(), text: '我不是本社区的' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(resident(0), 'council', 'comment', { id, requestId: randomUUID(), text: '好' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'text' }] } });
    expect(await t.call(resident(0), 'council', 'comment', { id, requestId: randomUUID(), text: '回复一条不存在的', replyTo: 'cm-none' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'replyTo' }] } });
    const list = await t.ok(resident(0), 'council', 'comments', { id });
    expect(list.items.map((c) => [c.id, c.mine])).toEqual([[a.id, false], [reply.id, false]]);
    expect(JSON.stringify(list)).not.toMatch(/cv-pending|9单元/);
    expect((await t.ok(resident(0), 'council', 'matter', { id })).mine.canComment).toBe(true);
    expect((await t.ok('stranger-9', 'council', 'matter', { id })).mine.canComment).toBe(false);
  });
});

describe('the demo community (seed)', () => {
  it('has matters at each stage; 王秀英 is verified and votes on 1号楼’s lift; 张丽 has a request waiting', async () => {
    const me = await t.ok('demo-resident', 'users', 'me', {});
    expect(me.residence).toMatchObject({ status: 'verified', buildingName: '1号楼', room: '2单元301' });
    for (const [step, id] of [['propose', 'mt-demo-lights'], ['discuss', 'mt-demo-parking'], ['vote', 'mt-demo-elevator'], ['do', 'mt-demo-bins']] as const) {
      expect((await t.ok('demo-resident', 'council', 'board', { step })).items.map((m) => m.id)).toContain(id);
    }
    const lift = await t.ok('demo-resident', 'council', 'matter', { id: 'mt-demo-elevator' });
    expect(lift).toMatchObject({ stage: 'voting', mine: { canVote: true }, ballot: { open: true, turnout: { voted: 5, eligible: 9 }, result: null } });
    expect((await t.ok('demo-resident', 'council', 'vote', { id: 'mt-demo-elevator', optionId: 'yes' })).ballot?.turnout.voted).toBe(6);
    const bins = await t.ok('demo-resident-2', 'council', 'matter', { id: 'mt-demo-bins' });
    expect(bins.ballot?.result).toMatchObject({ outcome: 'passed', votedHouseholds: 8 });
    expect((await t.ok('demo-grid-worker', 'users', 'residenceQueue', {})).items.map((i) => i.openid)).toContain('demo-neighbour-new');
    expect((await t.ok('demo-community-staff', 'council', 'matter', { id: 'mt-demo-parking' })).can.openVote).toBe(true);
  });
});
