/**
 * 志愿服务 through the whole local stack (the real SDK, the function host with per-event identity,
 * SQLite): teams and joining, activities, exact capacity and an ordered waiting list under 200
 * simultaneous sign-ups, retries, cancel-and-promote, check-in/out inside the window only, a leader's
 * correction kept in the history, the service record (overlaps counted once), bad input.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../types/contract';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { checkCodeFromScan, type ActivityView } from '../../types/volunteer';
import { halfYearReminderDue } from '../../cloudfunctions/volunteer/domain/hours';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const STAFF = 'demo-community-staff';
const LEADER = 'demo-volunteer'; // 李建国 leads 党员先锋服务队 and 矛盾调处服务队
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The text a QR image (a PNG data URL) decodes to, read back as a scanner would. */
function scanQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const count = async (collection: string, where: Record<string, unknown> = {}) => (await t.db.collection(collection).where(where).count()).total;
const activityDoc = async (id: string) =>
  (await t.db.collection('volunteerActivities').doc(id).get()).data[0] as { seated: Array<{ openid: string }>; waiting: Array<{ openid: string }>; left: Array<{ openid: string }>; version: number; code: string };

async function create(extra: Record<string, unknown> = {}, as = STAFF): Promise<ActivityView> {
  const start = new Date(Date.now() + 2 * 24 * HOUR);
  return t.ok(as, 'volunteer', 'createActivity', {
    requestId: randomUUID(),
    teamId: 'vt-haian-huzhu',
    title: '测试活动',
    type: 'help',
    place: '海岸社区党群服务中心',
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * HOUR).toISOString(),
    capacity: 10,
    ...extra,
  } as never);
}

const signUpAs = (openid: string, id: string, requestId = randomUUID(), confirmRequirements?: boolean): Promise<Envelope<ActivityView>> =>
  t.call(openid, 'volunteer', 'signUp', { id, requestId, ...(confirmRequirements === undefined ? {} : { confirmRequirements }) });

describe('teams', () => {
  it('lists the household’s community’s teams; open teams admit at once, others wait for the leader', async () => {
    const { community, teams } = await t.ok('demo-resident', 'volunteer', 'teams', {});
    expect(community).toEqual({ id: 'c-haian', name: '海岸社区' });
    expect(teams.length).toBeGreaterThanOrEqual(10);
    expect(teams.map((x) => x.name)).toEqual(expect.arrayContaining(['公益慈善服务队', '矛盾调处服务队', '邻里互助服务队']));

    const open = await t.ok('vol-join-1', 'volunteer', 'joinTeam', { teamId: 'vt-haian-gongyi' });
    expect(open).toMatchObject({ myStatus: 'active', joinPolicy: 'open' });
    const pending = await t.ok('vol-join-1', 'volunteer', 'joinTeam', { teamId: 'vt-haian-tiaojie' });
    expect(pending.myStatus).toBe('pending');
    // Joining twice is one membership.
    await t.ok('vol-join-1', 'volunteer', 'joinTeam', { teamId: 'vt-haian-tiaojie' });
    expect(await count('volunteerMembers', { openid: 'vol-join-1' })).toBe(2);
    expect(await count('outbox', { toOpenid: LEADER, template: 'volunteerJoinRequest' })).toBe(1);

    // Only the leader or community staff see and review the members.
    expect(await t.call('vol-join-2', 'volunteer', 'members', { teamId: 'vt-haian-tiaojie' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('vol-join-2', 'volunteer', 'reviewMember', { teamId: 'vt-haian-tiaojie', openid: 'vol-join-1', approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await t.ok(LEADER, 'volunteer', 'members', { teamId: 'vt-haian-tiaojie' });
    expect(list[0]).toMatchObject({ openid: 'vol-join-1', status: 'pending' });
    expect(await t.ok(LEADER, 'volunteer', 'reviewMember', { teamId: 'vt-haian-tiaojie', openid: 'vol-join-1', approve: true })).toMatchObject({ status: 'active' });
    // Reviewed once: a second review (by staff, at the same time) hears it was done.
    expect(await t.call(STAFF, 'volunteer', 'reviewMember', { teamId: 'vt-haian-tiaojie', openid: 'vol-join-1', approve: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('community staff who also lead a team still manage the whole community’s activities; a leader only their teams’', async () => {
    const all = await t.ok(STAFF, 'volunteer', 'manageActivities', { scope: 'upcoming', pageSize: 50 });
    const teams = new Set(all.items.map((a) => a.teamName));
    expect(teams.size).toBeGreaterThan(1);
    await t.db.collection('volunteerTeams').doc('vt-haian-huanbao').update({ leader: { openid: STAFF, name: '刘洋' } });
    try {
      const asLeaderToo = await t.ok(STAFF, 'volunteer', 'manageActivities', { scope: 'upcoming', pageSize: 50 });
      expect(asLeaderToo.items.map((a) => a.id).sort()).toEqual(all.items.map((a) => a.id).sort());
    } finally {
      await t.db.collection('volunteerTeams').doc('vt-haian-huanbao').update({ leader: { openid: 'demo-resident', name: '王秀英' } });
    }
    const led = await t.ok(LEADER, 'volunteer', 'manageActivities', { scope: 'upcoming', pageSize: 50 });
    expect(led.items.length).toBeGreaterThan(0);
    expect(led.items.length).toBeLessThan(all.items.length);
  });
});

describe('activities and sign-up', () => {
  it('shows seeded upcoming activities soonest first with their requirements', async () => {
    const page = await t.ok('demo-resident', 'volunteer', 'activities', {});
    expect(page.community.id).toBe('c-haian');
    expect(page.items.length).toBeGreaterThanOrEqual(6);
    const starts = page.items.map((a) => a.start);
    expect([...starts].sort()).toEqual(starts);
    const detail = await t.ok('demo-resident', 'volunteer', 'activity', { id: 'va-haian-4' });
    expect(detail).toMatchObject({ typeLabel: '邻里和', requirementLabels: ['需党员', '年满18岁'], my: { status: 'none' }, can: { signUp: true, manage: false }, code: null });
    expect((await t.ok(STAFF, 'volunteer', 'activity', { id: 'va-haian-4' })).code).toMatch(/^\d{6}$/);
  });

  it('200 simultaneous sign-ups for 10 seats: exactly 10 signed up, 190 waiting in one order, each told their place', async () => {
    const a = await create({ capacity: 10 });
    const callers = Array.from({ length: 200 }, (_, i) => `crowd-${String(i).padStart(3, '0')}`);
    await Promise.all(Array.from({ length: 4 }, () => t.ok('warm', 'volunteer', 'activity', { id: a.id })));
    const results = await Promise.all(callers.map((openid) => signUpAs(openid, a.id)));
    const failed = results.filter((r) => !r.ok);
    expect(failed).toEqual([]);
    const views = results.map((r) => (r as { ok: true; data: ActivityView }).data);
    expect(views.filter((v) => v.my.status === 'signed_up')).toHaveLength(10);
    expect(views.filter((v) => v.my.status === 'waiting')).toHaveLength(190);
    const doc = await activityDoc(a.id);
    expect(doc.seated).toHaveLength(10);
    expect(doc.waiting).toHaveLength(190);
    expect(new Set([...doc.seated, ...doc.waiting].map((e) => e.openid)).size).toBe(200);
    // The place each caller heard is their place in the stored order (a later sign-up only ever queues behind).
    for (const [i, openid] of callers.entries()) {
      const v = views[i];
      if (v.my.status === 'waiting') expect(doc.waiting[v.my.waitingPosition! - 1].openid).toBe(openid);
      else expect(doc.seated.some((e) => e.openid === openid)).toBe(true);
    }
    const after = await t.ok('someone', 'volunteer', 'activity', { id: a.id });
    expect(after).toMatchObject({ signedUp: 10, waiting: 190 });
  }, 240_000);

  it('a retried request never signs up twice — at once, in turn, or after cancelling', async () => {
    const a = await create({ capacity: 1 });
    const requestId = randomUUID();
    const all = await Promise.all(Array.from({ length: 5 }, () => signUpAs('retry-1', a.id, requestId)));
    expect(all.every((r) => r.ok && r.data.my.status === 'signed_up')).toBe(true);
    expect((await signUpAs('retry-1', a.id, requestId)).ok).toBe(true);
    let doc = await activityDoc(a.id);
    expect(doc.seated.map((e) => e.openid)).toEqual(['retry-1']);
    expect(await count('volunteerRecords', { activityId: a.id })).toBe(1);
    await t.ok('retry-1', 'volunteer', 'cancelSignUp', { id: a.id });
    const late = await signUpAs('retry-1', a.id, requestId);
    expect(late).toMatchObject({ ok: true, data: { my: { status: 'cancelled' } } });
    doc = await activityDoc(a.id);
    expect(doc.seated).toEqual([]);
    // A new request is a new sign-up.
    expect(await signUpAs('retry-1', a.id)).toMatchObject({ ok: true, data: { my: { status: 'signed_up' } } });
  });

  it('cancelling frees the seat for exactly the first waiting, who is told; the rest move up', async () => {
    const a = await create({ capacity: 2 });
    for (const p of ['pro-a', 'pro-b', 'pro-c', 'pro-d', 'pro-e']) await t.ok(p, 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    expect((await t.ok('pro-e', 'volunteer', 'activity', { id: a.id })).my).toMatchObject({ status: 'waiting', waitingPosition: 3 });
    // Leaving the waiting list promotes nobody.
    await t.ok('pro-d', 'volunteer', 'cancelSignUp', { id: a.id });
    expect((await activityDoc(a.id)).seated.map((e) => e.openid)).toEqual(['pro-a', 'pro-b']);
    const left = await t.ok('pro-a', 'volunteer', 'cancelSignUp', { id: a.id });
    expect(left.my.status).toBe('cancelled');
    const doc = await activityDoc(a.id);
    expect(doc.seated.map((e) => e.openid)).toEqual(['pro-b', 'pro-c']);
    expect(doc.waiting.map((e) => e.openid)).toEqual(['pro-e']);
    expect((await t.ok('pro-e', 'volunteer', 'activity', { id: a.id })).my).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    const msgs = (await t.db.collection('outbox').where({ 'source.id': a.id, template: 'volunteerPromoted' }).get()).data as Array<{ toOpenid: string; page: string }>;
    expect(msgs.map((m) => m.toOpenid)).toEqual(['pro-c']);
    expect(msgs[0].page).toBe(`packages/volunteer/activity/index?id=${a.id}`);
    // Cancelling again changes nothing.
    const version = doc.version;
    await t.ok('pro-a', 'volunteer', 'cancelSignUp', { id: a.id });
    expect((await activityDoc(a.id)).version).toBe(version);
  });

  it('five seats freed at once promote exactly the first five waiting, in order, each told once', async () => {
    const a = await create({ capacity: 5 });
    const people = Array.from({ length: 12 }, (_, i) => `wave-${String(i).padStart(2, '0')}`);
    for (const p of people) await t.ok(p, 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    const leaving = people.slice(0, 5);
    const results = await Promise.all(leaving.map((p) => t.call(p, 'volunteer', 'cancelSignUp', { id: a.id })));
    expect(results.every((r) => r.ok)).toBe(true);
    const doc = await activityDoc(a.id);
    expect(doc.seated.map((e) => e.openid)).toEqual(people.slice(5, 10));
    expect(doc.waiting.map((e) => e.openid)).toEqual(people.slice(10));
    const told = (await t.db.collection('outbox').where({ 'source.id': a.id, template: 'volunteerPromoted' }).get()).data as Array<{ toOpenid: string }>;
    expect(told.map((m) => m.toOpenid).sort()).toEqual(people.slice(5, 10));
  }, 60_000);

  it('cancelling the activity tells everyone signed up or waiting through the outbox', async () => {
    const a = await create({ capacity: 1 });
    await t.ok('cx-1', 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    await t.ok('cx-2', 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    expect(await t.call('cx-1', 'volunteer', 'cancelActivity', { id: a.id, reason: '天气原因' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cancelled = await t.ok(STAFF, 'volunteer', 'cancelActivity', { id: a.id, reason: '天气原因，活动取消' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '天气原因，活动取消' });
    const msgs = (await t.db.collection('outbox').where({ 'source.id': a.id, template: 'volunteerCancelled' }).get()).data as Array<{ toOpenid: string }>;
    expect(msgs.map((m) => m.toOpenid).sort()).toEqual(['cx-1', 'cx-2']);
    expect(await signUpAs('cx-3', a.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该活动已取消' } });
  });
});

describe('check-in, check-out, corrections and the service record', () => {
  it('refuses check-in outside the window and with a wrong code; writes nothing', async () => {
    const a = await create({ capacity: 1 });
    await t.ok('ck-1', 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    await t.ok('ck-2', 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    const { code } = await activityDoc(a.id);
    expect(await t.call('ck-1', 'volunteer', 'checkIn', { id: a.id, code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动开始前30分钟起才能签到' } });
    const record = (await t.db.collection('volunteerRecords').doc(`${a.id}_ck-1`).get()).data[0] as { checkInAt: unknown; history: unknown[]; version: number };
    expect(record).toMatchObject({ checkInAt: null, history: [], version: 1 });
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await t.call('ck-1', 'volunteer', 'checkIn', { id: a.id, code: wrong })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'code' }] } });
  });

  it('checks in and out once each inside the window', async () => {
    const start = new Date(Date.now() + 20 * MIN); // the window opens 30 minutes before: now is inside
    const a = await create({ start: start.toISOString(), end: new Date(start.getTime() + 2 * HOUR).toISOString(), capacity: 1 });
    const p = 'ck-now';
    await t.ok(p, 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    await t.ok('ck-wait', 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    // The code as the volunteer gets it: scanned from the 签到表's QR.
    const sheet = await t.ok(STAFF, 'volunteer', 'roster', { id: a.id });
    const scanned = scanQr(sheet.codeQr)!;
    expect(scanned).toBe(`jiayuan:volunteer:${a.id}:${(await activityDoc(a.id)).code}`);
    const code = checkCodeFromScan(scanned, a.id)!;
    expect(checkCodeFromScan(scanned, 'another-activity')).toBeNull();
    expect(await t.call('ck-wait', 'volunteer', 'checkIn', { id: a.id, code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您还在候补名单中，不能签到' } });
    const inView = await t.ok(p, 'volunteer', 'checkIn', { id: a.id, code });
    expect(inView.my.checkInAt).not.toBeNull();
    expect(inView.can).toMatchObject({ checkIn: false, checkOut: true });
    expect(await t.call(p, 'volunteer', 'checkIn', { id: a.id, code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已签到，无需重复签到' } });
    expect(await t.call(p, 'volunteer', 'cancelSignUp', { id: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已签到，不能取消报名' } });
    const out = await t.ok(p, 'volunteer', 'checkOut', { id: a.id, code });
    expect(out.my.checkOutAt).not.toBeNull();
    expect(await t.call(p, 'volunteer', 'checkOut', { id: a.id, code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已签退' } });
    const history = ((await t.db.collection('volunteerRecords').doc(`${a.id}_${p}`).get()).data[0] as { history: Array<{ kind: string }> }).history;
    expect(history.map((h) => h.kind)).toEqual(['check_in', 'check_out']);
    // Checked out before the start: the time inside the activity is nil, so no hours; the waiting one's record says where they stand.
    expect((await t.ok(p, 'volunteer', 'myRecord', {})).totals.all.hours).toBe(0);
    const waiting = await t.ok('ck-wait', 'volunteer', 'myRecord', {});
    expect(waiting.items.map((i) => [i.activityId, i.upcoming])).toEqual([[a.id, { status: 'waiting', statusLabel: '候补中', waitingPosition: 1 }]]);
  });

  it('a leader corrects with a reason kept in history; two overlapping activities count the overlap once', async () => {
    const p = 'ck-hours';
    const now = Date.now();
    // Two activities that took place today (arranged in the database): 4 h → 2 h ago, and 3 h → 1 h ago.
    const first = await create({ teamId: 'vt-haian-tiaojie' }, LEADER);
    const second = await create({ teamId: 'vt-haian-tiaojie' }, LEADER);
    const seat = { openid: p, name: '测试志愿者', requestId: randomUUID(), at: new Date(now - 5 * HOUR) };
    await t.db.collection('volunteerActivities').doc(first.id).update({ start: new Date(now - 4 * HOUR), end: new Date(now - 2 * HOUR), seated: [seat] });
    await t.db.collection('volunteerActivities').doc(second.id).update({ start: new Date(now - 3 * HOUR), end: new Date(now - HOUR), seated: [seat] });
    expect(await t.call('ck-other', 'volunteer', 'correctRecord', { id: first.id, openid: p, checkInAt: new Date(now - 4 * HOUR).toISOString(), checkOutAt: new Date(now - 2 * HOUR).toISOString(), reason: '补录' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call(LEADER, 'volunteer', 'correctRecord', { id: first.id, openid: p, checkInAt: new Date(now - 4 * HOUR).toISOString(), checkOutAt: new Date(now + HOUR).toISOString(), reason: '补录' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'checkOutAt' }] },
    });
    const sheet = await t.ok(LEADER, 'volunteer', 'correctRecord', {
      id: first.id,
      openid: p,
      checkInAt: new Date(now - 4 * HOUR - 10 * MIN).toISOString(),
      checkOutAt: new Date(now - 2 * HOUR).toISOString(),
      reason: '现场签到设备故障，按签到表补录',
    });
    const row = sheet.rows.find((r) => r.openid === p)!;
    expect(row).toMatchObject({ hours: 2, corrected: true });
    expect(row.history).toHaveLength(1);
    expect(row.history[0]).toMatchObject({ kind: 'correct', reason: '现场签到设备故障，按签到表补录', by: '李建国' });
    await t.ok(LEADER, 'volunteer', 'correctRecord', {
      id: second.id,
      openid: p,
      checkInAt: new Date(now - 3 * HOUR).toISOString(),
      checkOutAt: new Date(now - HOUR - 5 * MIN).toISOString(),
      reason: '志愿者忘记签到，按签到表补录',
    });
    // 2 h and 1 h 55 min overlapping by 1 h: the second adds 55 min → 0.5 h (rounded down): 2.5 h, not 3.5.
    const record = await t.ok(p, 'volunteer', 'myRecord', {});
    expect(record.items.map((i) => i.hours).sort()).toEqual([0.5, 2]);
    const shanghaiYear = new Date(now + 8 * HOUR).toISOString().slice(0, 4);
    expect(record.totals.year).toMatchObject({ key: shanghaiYear, hours: 2.5, activities: 2 });
    expect(record.totals.halfYear.hours).toBe(2.5);
    expect(record.totals.halfYear.label).toMatch(/^\d{4}年[上下]半年$/);

    // The community's rule decides the rounding: by the hour, upwards, 55 minutes is one hour.
    expect(await t.ok(STAFF, 'volunteer', 'hoursRule', {})).toEqual({ unitMinutes: 30, mode: 'down' });
    expect(await t.call(LEADER, 'volunteer', 'setHoursRule', { unitMinutes: 60, mode: 'up' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(STAFF, 'volunteer', 'setHoursRule', { unitMinutes: 45 as never, mode: 'up' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'unitMinutes' }] } });
    await t.ok(STAFF, 'volunteer', 'setHoursRule', { unitMinutes: 60, mode: 'up' });
    expect((await t.ok(p, 'volunteer', 'myRecord', {})).items.map((i) => i.hours).sort()).toEqual([1, 2]);
    await t.ok(STAFF, 'volunteer', 'setHoursRule', { unitMinutes: 30, mode: 'down' });
    expect((await t.ok(p, 'volunteer', 'myRecord', {})).totals.year.hours).toBe(2.5);
  });

  it('the seeded volunteer has hours this half-year, rounded down to half an hour', async () => {
    const record = await t.ok(LEADER, 'volunteer', 'myRecord', {});
    const past = record.items.filter((i) => i.activityId.startsWith('va-haian-past'));
    expect(past.map((i) => i.hours)).toEqual([2, 2]); // 2 h served; 2 h 20 min → 2 h
  });
});

describe('双报到 and 志愿服务证明', () => {
  it('a party member declares; this half-year says done once they served; staff see who has not', async () => {
    // ck-hours served two corrected activities today (above); decl-new has served nothing.
    const done = await t.ok('ck-hours', 'volunteer', 'declare', { unit: '芝罘区财政局机关党支部', communityId: 'c-haian' });
    expect(done.declaration).toMatchObject({ unit: '芝罘区财政局机关党支部', community: { id: 'c-haian', name: '海岸社区' }, halfYear: { done: true, activities: 2, hours: 2.5 } });
    const notYet = await t.ok('decl-new', 'volunteer', 'declare', { communityId: 'c-haian' });
    expect(notYet.declaration).toMatchObject({ unit: null, halfYear: { done: false, activities: 0 } });
    // Declaring again changes the one declaration.
    await t.ok('decl-new', 'volunteer', 'declare', { unit: '烟台港集团党委', communityId: 'c-haian' });
    expect(await count('volunteerDeclarations', { _id: 'decl-new' })).toBe(1);
    expect(await t.call('decl-new', 'volunteer', 'declare', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'unit' }] } });

    expect(await t.call('demo-resident', 'volunteer', 'reportedMembers', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await t.ok(STAFF, 'volunteer', 'reportedMembers', {});
    expect(list.community.id).toBe('c-haian');
    // The seed's 双报到 members are listed too: this test's two, in order (not served first).
    const mine = list.members.filter((m) => m.openid === 'decl-new' || m.openid === 'ck-hours');
    expect(mine.map((m) => [m.openid, m.done])).toEqual([
      ['decl-new', false],
      ['ck-hours', true],
    ]);
    expect(list.done).toBe(list.members.filter((m) => m.done).length);

    // In a half-year's last month, the platform's daily timer reminds who has not served, once.
    const due = halfYearReminderDue(new Date()) !== null;
    for (let i = 0; i < 2; i++) expect((await t.cloud.host.fireTimer('volunteer', 'remindDeclared')).result).toMatchObject({ ok: true });
    expect(await count('outbox', { toOpenid: 'decl-new', template: 'volunteerHalfYear' })).toBe(due ? 1 : 0);
    expect(await count('outbox', { toOpenid: 'ck-hours', template: 'volunteerHalfYear' })).toBe(0);
  });

  it('issues a certificate with a random code anyone can verify; none without hours; bad codes are typed errors', async () => {
    const cert = await t.ok('ck-hours', 'volunteer', 'issueCertificate', {});
    expect(cert.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(cert).toMatchObject({ hours: 2.5, activities: 2, issuer: '海岸社区志愿服务站', issuerPhone: '0535-6601101' });
    expect(cert.services).toHaveLength(2);
    const other = await t.ok('ck-hours', 'volunteer', 'issueCertificate', {});
    expect(other.code).not.toBe(cert.code);

    const seen = await t.ok('stranger-9', 'volunteer', 'verifyCertificate', { code: cert.code.toLowerCase() });
    expect(seen).toEqual(cert);
    expect(await t.call('stranger-9', 'volunteer', 'verifyCertificate', { code: 'ABC' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'code' }] } });
    expect(await t.call('stranger-9', 'volunteer', 'verifyCertificate', { code: '0000000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const before = await count('volunteerCertificates');
    expect(await t.call('decl-new', 'volunteer', 'issueCertificate', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('ck-hours', 'volunteer', 'issueCertificate', { from: '2026-12-31', to: '2026-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'from' }] } });
    expect(await count('volunteerCertificates')).toBe(before);
  });
});

describe('reminders', () => {
  it('reminds those signed up once, shortly before the start, through the outbox', async () => {
    const start = new Date(Date.now() + 60 * MIN); // inside the two-hour reminder lead: due at once
    const a = await create({ start: start.toISOString(), end: new Date(start.getTime() + HOUR).toISOString(), capacity: 1 });
    await t.ok('rm-1', 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    await t.ok('rm-2', 'volunteer', 'signUp', { id: a.id, requestId: randomUUID() });
    const first = await t.cloud.host.fireTimer('volunteer', 'remindActivities');
    expect(first.result).toMatchObject({ ok: true });
    expect((first.result as { data: { reminded: number } }).data.reminded).toBeGreaterThanOrEqual(1);
    const again = await t.cloud.host.fireTimer('volunteer', 'remindActivities');
    expect(again.result).toMatchObject({ ok: true, data: { reminded: 0 } });
    const msgs = (await t.db.collection('outbox').where({ 'source.id': a.id, template: 'volunteerReminder' }).get()).data as Array<{ toOpenid: string }>;
    expect(msgs.map((m) => m.toOpenid)).toEqual(['rm-1']);
  });
});

describe('bad input: a typed error and nothing written', () => {
  it('refuses bad activities, sign-ups without a request id or without confirming the requirements', async () => {
    let before = await count('volunteerActivities');
    const start = new Date(Date.now() + 24 * HOUR);
    const res = await t.call(STAFF, 'volunteer', 'createActivity', {
      requestId: randomUUID(),
      teamId: 'vt-haian-huzhu',
      title: '测',
      type: 'other' as never,
      place: '',
      start: start.toISOString(),
      end: new Date(start.getTime() - HOUR).toISOString(),
      capacity: 0,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const paths = (res as { ok: false; error: { issues: Array<{ path: string }> } }).error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'type', 'place', 'capacity']));
    expect(await count('volunteerActivities')).toBe(before);
    // Text residents will read is screened: risky text is refused on its field, text for review keeps the activity a draft.
    expect(await t.call(STAFF, 'volunteer', 'createActivity', { requestId: randomUUID(), teamId: 'vt-haian-huzhu', title: '棋牌赌博娱乐', type: 'care', place: '活动室', start: start.toISOString(), end: new Date(start.getTime() + HOUR).toISOString(), capacity: 5 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'title' }] },
    });
    expect(await count('volunteerActivities')).toBe(before);
    const held = await t.ok(STAFF, 'volunteer', 'createActivity', { requestId: randomUUID(), teamId: 'vt-haian-huzhu', title: '旧物交换', type: 'help', place: '活动室', description: '有意者加微信联系', start: start.toISOString(), end: new Date(start.getTime() + HOUR).toISOString(), capacity: 5 });
    expect(held.status).toBe('draft');
    before += 1;
    expect(await count('volunteerActivities')).toBe(before);
    // A resident may not create activities for a team they do not lead.
    expect(await t.call('demo-resident-2', 'volunteer', 'createActivity', { requestId: randomUUID(), teamId: 'vt-haian-tiaojie', title: '测试活动', type: 'help', place: '某地', start: start.toISOString(), end: new Date(start.getTime() + HOUR).toISOString(), capacity: 5 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await count('volunteerActivities')).toBe(before);

    const v = (await activityDoc('va-haian-4')).version;
    expect(await t.call('bad-1', 'volunteer', 'signUp', { id: 'va-haian-4', requestId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'requestId' }] } });
    expect(await signUpAs('bad-1', 'va-haian-4')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'confirmRequirements' }] } });
    expect((await activityDoc('va-haian-4')).version).toBe(v);
    expect(await count('volunteerRecords', { openid: 'bad-1' })).toBe(0);
    expect(await signUpAs('bad-1', 'va-haian-4', randomUUID(), true)).toMatchObject({ ok: true, data: { my: { status: 'signed_up' } } });
    expect(await t.call('bad-1', 'volunteer', 'activity', { id: 'va-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
