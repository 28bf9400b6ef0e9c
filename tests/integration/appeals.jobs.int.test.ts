/**
 * The appeals timer jobs and the notification dispatcher on the local stack: escalation (run twice
 * and concurrently), due-soon warnings, unrated close, the effects sweeper, outbox delivery, and the
 * dashboard counters they feed.
 */
import { randomUUID } from 'node:crypto';
import type { AppealCategory, AppealDetail } from '../../types/appeals';
import type { Envelope } from '../../types/contract';
import type { SweepResult } from '../../cloudfunctions/appeals/jobs/sweep';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const BUILDING = '370602B0001'; // 海岸社区第一网格
const SHENGLI = '370602B0013'; // 胜利路社区第一网格 (no persona works there but the street)

async function file(openid: string, category: AppealCategory = 'sanitation', buildingCode = BUILDING, description = '楼道里堆满了杂物，影响通行和消防安全'): Promise<AppealDetail> {
  return t.ok(openid, 'appeals', 'create', { requestId: randomUUID(), buildingCode, category, description, photos: [], anonymous: false });
}

async function fire<T>(fn: 'appeals' | 'notify', trigger: string): Promise<T> {
  const { result } = await t.cloud.host.fireTimer(fn, trigger);
  const envelope = result as Envelope<T>;
  if (!envelope.ok) throw new Error(`${fn}.${trigger}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

const past = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const appeals = () => t.db.collection('appeals');
const outboxOf = async (appealId: string, where: Record<string, unknown> = {}) =>
  (await t.db.collection('outbox').where({ 'source.id': appealId, ...where }).limit(100).get()).data as Array<{ _id: string; toOpenid: string; template: string; data: Record<string, string>; status: string }>;

describe('escalateOverdue (问题通报制 / 下呼上应)', () => {
  it('escalates an overdue appeal one level, notifies the new level and the accountable person, lists it on the bulletin; a second run does nothing', async () => {
    const a = await file('demo-resident');
    await t.ok('demo-grid-worker', 'appeals', 'claim', { id: a.id });
    await appeals().doc(a.id).update({ escalateAt: past(1), dueAt: past(1) });

    const first = await fire<SweepResult>('appeals', 'escalateOverdue');
    expect(first.changed).toBeGreaterThanOrEqual(1);
    const second = await fire<SweepResult>('appeals', 'escalateOverdue');
    expect(second.changed).toBe(0);

    const after = await t.ok('demo-community-staff', 'appeals', 'detail', { id: a.id });
    expect(after).toMatchObject({ level: 'community', status: 'pending', holder: { name: '海岸社区', handlerName: null }, firstResponderName: '张丽' });
    const escalations = after.timeline.filter((e) => e.kind === 'escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ actorName: '系统', text: '海岸社区第一网格超期未办结，升级至海岸社区' });
    expect(new Date(after.deadline!.dueAt).getTime()).toBeGreaterThan(Date.now());

    const notices = await outboxOf(a.id, { template: 'staffEscalated' });
    expect(notices.map((n) => n.toOpenid).sort()).toEqual(['demo-community-staff', 'demo-grid-worker']);
    expect(notices[0].data.thing3).toBe('海岸社区（社区工作站）');
    expect(await outboxOf(a.id, { template: 'appealProgress', toOpenid: 'demo-resident' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ data: expect.objectContaining({ phrase3: '已升级' }) })]),
    );

    const board = await t.ok('demo-community-staff', 'appeals', 'bulletin', { pageSize: 50 });
    expect(board.items.filter((b) => b.appealId === a.id)).toEqual([
      expect.objectContaining({ reason: 'resolve_overdue', reasonLabel: '超期未办结', toLevel: 'community', toName: '海岸社区', fromName: '海岸社区第一网格' }),
    ]);
    // The street's bulletin lists escalations within its area too.
    const streetBoard = await t.ok('demo-street', 'appeals', 'bulletin', { pageSize: 50 });
    expect(streetBoard.items.map((b) => b.appealId)).toContain(a.id);
  });

  it('two runs at once escalate each appeal once', async () => {
    const a = await file('demo-resident-2', 'public_facility', '370602B0002', '单元门禁坏了一周');
    await appeals().doc(a.id).update({ escalateAt: past(1), dueAt: past(1) });
    const [x, y] = await Promise.all([fire<SweepResult>('appeals', 'escalateOverdue'), fire<SweepResult>('appeals', 'escalateOverdue')]);
    expect(x.changed + y.changed).toBeGreaterThanOrEqual(1);
    const stored = (await appeals().doc(a.id).get()).data[0] as { escalationCount: number; level: string };
    expect(stored).toMatchObject({ escalationCount: 1, level: 'street' });
    expect((await t.db.collection('appealBulletin').where({ appealId: a.id }).count()).total).toBe(1);
  });
});

describe('warnDueSoon (即将超期) and closeUnrated', () => {
  it('warns the holder staff once', async () => {
    const a = await file('demo-resident');
    const soon = new Date(Date.now() + 30 * 60_000);
    await appeals().doc(a.id).update({ warnAt: past(1), warnNoticeAt: past(1), dueAt: soon, escalateAt: soon });
    await fire<SweepResult>('appeals', 'warnDueSoon');
    await fire<SweepResult>('appeals', 'warnDueSoon');
    const warned = await outboxOf(a.id, { template: 'staffDueSoon' });
    expect(warned.map((w) => w.toOpenid)).toEqual(['demo-grid-worker']);
    expect(warned[0].data.phrase4).toBe('响应');
    const inbox = await t.ok('demo-grid-worker', 'appeals', 'inbox', { dueSoon: true, pageSize: 50 });
    expect(inbox.items.find((i) => i.id === a.id)).toMatchObject({ due: 'dueSoon' });
  });

  it('lists 即将超期 and 已超期 for staff', async () => {
    const a = await file('demo-resident');
    await appeals().doc(a.id).update({ warnAt: past(10), dueAt: new Date(Date.now() + 60 * 60_000) });
    const b = await file('demo-resident');
    await appeals().doc(b.id).update({ dueAt: past(5), escalateAt: null });
    const soon = await t.ok('demo-community-staff', 'appeals', 'inbox', { dueSoon: true, pageSize: 50 });
    expect(soon.items.find((i) => i.id === a.id)).toMatchObject({ due: 'dueSoon' });
    expect(soon.items.map((i) => i.id)).not.toContain(b.id);
    const overdue = await t.ok('demo-community-staff', 'appeals', 'inbox', { overdue: true, pageSize: 50 });
    expect(overdue.items.find((i) => i.id === b.id)).toMatchObject({ due: 'overdue' });
    expect(overdue.items.map((i) => i.id)).not.toContain(a.id);
  });

  it('closes a resolved appeal nobody rated after 7 days, and tells the resident', async () => {
    const a = await file('demo-resident');
    await t.ok('demo-grid-worker', 'appeals', 'claim', { id: a.id });
    await t.ok('demo-grid-worker', 'appeals', 'resolve', { id: a.id, text: '已处理完毕' });
    await appeals().doc(a.id).update({ autoCloseAt: past(1) });
    await fire<SweepResult>('appeals', 'closeUnrated');
    const closed = await t.ok('demo-resident', 'appeals', 'detail', { id: a.id });
    expect(closed).toMatchObject({ status: 'closed', rating: null, can: { rate: false } });
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'closed', text: '超过7天未评价，系统自动完结' });
    expect(await outboxOf(a.id, { template: 'appealProgress', toOpenid: 'demo-resident' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ data: expect.objectContaining({ phrase3: '已完结' }) })]),
    );
  });
});

describe('effects sweeper and the notification dispatcher', () => {
  it('applies effects an action left behind, exactly once', async () => {
    const a = await file('demo-resident');
    const effect = {
      id: `${a.id}_v99_0`,
      kind: 'notify',
      message: { toOpenid: 'demo-resident', template: 'appealProgress', title: '诉求办理进度通知', page: `pages/appeal/index?id=${a.id}`, data: { phrase3: '测试' } },
    };
    await appeals().doc(a.id).update({ effects: t.db.command.set([effect]), effectsPending: true, effectsAt: past(5), lastActivityAt: past(5) });
    await fire('appeals', 'flushEffects');
    await fire('appeals', 'flushEffects');
    expect((await t.db.collection('outbox').where({ _id: effect.id }).count()).total).toBe(1);
    const stored = (await appeals().doc(a.id).get()).data[0] as { effects: unknown[]; effectsPending: boolean };
    expect(stored).toMatchObject({ effects: [], effectsPending: false });
  });

  it('delivers every outbox message to the local message log once, under its outbox id, with fields cut to their limits', async () => {
    const long = '三号楼二单元的电梯已经连续停运三天了，家里有老人上下楼非常困难，请尽快安排维修';
    const a = await file('demo-resident', 'sanitation', BUILDING, long);
    const [accepted] = await outboxOf(a.id, { template: 'appealAccepted' });

    // A message a crashed dispatcher left claimed: the local sink is idempotent, so it is re-sent.
    const [newTask] = await outboxOf(a.id, { template: 'staffNewTask' });
    await t.db.collection('outbox').doc(newTask._id).update({ status: 'sending', leaseId: 'crashed', leaseUntil: past(1), attempts: 1 });

    await fire('notify', 'dispatchOutbox');
    await fire('notify', 'dispatchOutbox');

    const log = (await t.db.collection('messageLog').where({ _id: t.db.command.in([accepted._id, newTask._id]) }).get()).data as Array<{
      _id: string;
      toOpenid: string;
      template: string;
      title: string;
      page: string;
      data: Record<string, { value: string }>;
    }>;
    expect(log.map((m) => m._id).sort()).toEqual([accepted._id, newTask._id].sort());
    const acceptedLog = log.find((m) => m._id === accepted._id)!;
    expect(acceptedLog).toMatchObject({ toOpenid: 'demo-resident', template: 'appealAccepted', title: '诉求受理通知', page: `pages/appeal/index?id=${encodeURIComponent(a.id)}` });
    expect(acceptedLog.data.time3.value).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
    expect(acceptedLog.data.phone_number5.value).toBe('0535-6601101');

    const progress = await outboxOf(a.id);
    expect(progress.every((m) => m.status === 'sent')).toBe(true);
    await t.ok('demo-grid-worker', 'appeals', 'claim', { id: a.id });
    await t.ok('demo-grid-worker', 'appeals', 'resolve', { id: a.id, text: long });
    await fire('notify', 'dispatchOutbox');
    const [resolved] = (await t.db.collection('messageLog').where({ toOpenid: 'demo-resident', template: 'appealResolved' }).orderBy('createdAt', 'desc').limit(1).get()).data as Array<{
      data: Record<string, { value: string }>;
    }>;
    expect(Array.from(resolved.data.thing2.value)).toHaveLength(20);
    expect(resolved.data.thing2.value.endsWith('…')).toBe(true);
    const total = (await t.db.collection('messageLog').where({ _id: accepted._id }).count()).total;
    expect(total).toBe(1);
  });
});

describe('dashboard (counters, not scans)', () => {
  it('computes the cohort counts and the four rates of a community, with its grids and bulletin', async () => {
    const a = await file('demo-resident-2', 'sanitation', SHENGLI);
    const b = await file('demo-resident-2', 'sanitation', SHENGLI);
    const c = await file('demo-resident-2', 'public_facility', SHENGLI, '小区路灯坏了好几天');
    await t.ok('demo-street', 'appeals', 'claim', { id: a.id });
    await t.ok('demo-street', 'appeals', 'resolve', { id: a.id, text: '已清理' });
    await t.ok('demo-resident-2', 'appeals', 'rate', { id: a.id, rating: 'satisfied' });
    await t.ok('demo-street', 'appeals', 'claim', { id: b.id });
    expect(c.status).toBe('pending');

    const d = await t.ok('demo-street', 'appeals', 'dashboard', { unitId: 'c-shengli' });
    expect(d.unit).toMatchObject({ id: 'c-shengli', level: 'community', levelLabel: '社区工作站' });
    expect(d.totals).toMatchObject({ received: 3, responded: 2, respondedOnTime: 2, resolved: 1, resolvedOnTime: 1, rated: 1, satisfied: 1 });
    expect(d.rates).toEqual({ response: 0.6667, resolution: 0.3333, satisfaction: 1, onTimeResolution: 1, onTimeResponse: 1 });
    expect(d.byStatus).toEqual({ pending: 1, processing: 1, resolved: 0, closed: 1 });
    expect(d.byCategory.map((x) => [x.category, x.counts.received])).toEqual([
      ['sanitation', 2],
      ['public_facility', 1],
    ]);
    expect(d.children.find((g) => g.id === 'g-shengli-1')?.counts.received).toBe(3);
    expect(d.children.find((g) => g.id === 'g-shengli-2')?.counts.received).toBe(0);

    const street = await t.ok('demo-street', 'appeals', 'dashboard', {});
    expect(street.unit.id).toBe('s-xiangyang');
    expect(street.totals.received).toBeGreaterThanOrEqual(3);
    expect(street.children.find((x) => x.id === 'c-shengli')?.counts.received).toBe(3);

    expect(await t.call('demo-grid-worker', 'appeals', 'dashboard', { unitId: 'c-shengli' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-resident', 'appeals', 'dashboard', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-street', 'appeals', 'dashboard', { from: '2026-02-01', to: '2026-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
