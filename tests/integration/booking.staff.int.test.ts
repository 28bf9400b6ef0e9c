/**
 * 不打烊服务, staff side, through the whole local stack: the duty roster (a swap keeps bookings and
 * tells the new person), the front desk (day view, check-in by code or name, serve, no-show, phone
 * bookings), the no-show approval rule, 好差评 with its working-day deadline and the overdue timer,
 * reminders, and the dashboard's figures. Times the tests cannot wait for are arranged in the store.
 */
import { randomUUID } from 'node:crypto';
import type { BookingView, SlotView } from '../../types/booking';
import type { Envelope } from '../../types/contract';
import { addWorkingMinutes, workDayMinutes } from '../../cloudfunctions/core/time/workingTime';
import { changeable } from '../support/booking';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const HAIAN = 'c-haian';
const PROOF = 'sv-haian-proof';
const PENSION = 'sv-haian-pension';
const RESIDENCE = 'sv-haian-residence';

type Slot = SlotView & { day: string };
type Message = { toOpenid: string; template: string; page: string; data: Record<string, string> };

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function slotsOf(serviceId: string, communityId = HAIAN): Promise<Slot[]> {
  const { days } = await t.ok('demo-resident', 'booking', 'slots', { communityId, serviceId });
  return days.flatMap((d) => d.slots.map((s) => ({ ...s, day: d.day }))).filter((s) => changeable(s.id));
}

async function book(openid: string, serviceId: string, slotId: string, communityId = HAIAN): Promise<BookingView> {
  return t.ok(openid, 'booking', 'book', { requestId: randomUUID(), communityId, serviceId, slotId });
}

async function bookFirst(openid: string, serviceId: string, communityId = HAIAN, pick: (s: Slot) => boolean = () => true): Promise<BookingView> {
  const slot = (await slotsOf(serviceId, communityId)).find((s) => s.left > 0 && pick(s));
  if (!slot) throw new Error(`no free slot of ${serviceId}`);
  return book(openid, serviceId, slot.id, communityId);
}

/** Moves a booking to today, starting `minutesAgo` ago: what the clock would have done. */
async function makeItNow(id: string, minutesAgo = 10): Promise<void> {
  const start = new Date(Date.now() - minutesAgo * 60_000);
  await t.db.collection('bookings').doc(id).update({ 'slot.day': today(), 'slot.start': start, 'slot.end': new Date(start.getTime() + 30 * 60_000) });
}

async function fire<T>(trigger: string): Promise<T> {
  const { result } = await t.cloud.host.fireTimer('booking', trigger);
  const envelope = result as Envelope<T>;
  if (!envelope.ok) throw new Error(`booking.${trigger}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

const outbox = async (where: Record<string, unknown>) => (await t.db.collection('outbox').where(where).limit(100).get()).data as Message[];
const stored = async (id: string) => (await t.db.collection('bookings').doc(id).get()).data[0] as Record<string, unknown> & { version: number };

describe('轮值坐班: the duty roster', () => {
  it('swapping an evening duty keeps the booking, tells the new person and the relieved one; an emptied session with bookings is refused', async () => {
    const b = await bookFirst('res-duty', PROOF, HAIAN, (s) => s.kind === 'extended');
    const before = await t.ok('demo-community-staff', 'booking', 'settings', {});
    const duty = before.duties.find((d) => d.day === b.slot.day && d.sessionId === 'evening')!;
    expect(duty).toMatchObject({ source: 'pattern', label: '18:00–20:00' });
    const previous = duty.staff[0];
    expect(['刘洋', '张丽']).toContain(previous.name);

    const after = await t.ok('demo-community-staff', 'booking', 'setDuty', { version: before.version, day: b.slot.day, sessionId: 'evening', staffOpenid: 'demo-grid-worker-2' });
    expect(after.duties.find((d) => d.day === b.slot.day && d.sessionId === 'evening')).toMatchObject({ source: 'day', staff: [{ openid: 'demo-grid-worker-2', name: '周强' }] });
    expect(await t.ok('res-duty', 'booking', 'detail', { id: b.id })).toMatchObject({ status: 'booked', version: 1, slot: { id: b.slot.id } });
    expect((await slotsOf(PROOF)).some((s) => s.id === b.slot.id)).toBe(true);

    const told = await outbox({ template: 'staffDutyChanged', 'source.id': `bs_${HAIAN}` });
    const toNew = told.find((m) => m.toOpenid === 'demo-grid-worker-2')!;
    expect(toNew.data).toMatchObject({ thing1: '工作日晚间（延时）', number4: '1', thing3: '海岸社区', thing5: `接替${previous.name}值班，已有预约不变` });
    expect(toNew.page).toBe(`packages/admin/booking-day/index?communityId=${HAIAN}&day=${b.slot.day}`);
    expect(told.find((m) => m.toOpenid === previous.openid)?.data.thing5).toBe('已改由周强值班');

    expect(await t.call('demo-community-staff', 'booking', 'setDuty', { day: b.slot.day, sessionId: 'evening', staffOpenid: null })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该时段已有1个预约，请安排他人值班，不能空岗' },
    });
    expect(await t.call('demo-community-staff', 'booking', 'setDuty', { version: before.version, day: b.slot.day, sessionId: 'evening', staffOpenid: 'demo-community-staff' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '预约设置刚被他人修改，已为您刷新，请确认后再保存' },
    });
  });

  it('nobody on duty: that evening offers no slots; only community staff set duties, and only their own people', async () => {
    const settings = await t.ok('demo-community-staff', 'booking', 'settings', {});
    const booked = new Set((await t.db.collection('bookings').where({ communityId: HAIAN, 'slot.sessionId': 'evening' }).limit(1000).get()).data.map((b) => (b as { slot: { day: string } }).slot.day));
    const free = settings.duties.find((d) => d.sessionId === 'evening' && !booked.has(d.day) && d.staff.length > 0)!;
    await t.ok('demo-community-staff', 'booking', 'setDuty', { day: free.day, sessionId: 'evening', staffOpenid: null });
    const days = (await t.ok('demo-resident', 'booking', 'slots', { communityId: HAIAN, serviceId: PROOF })).days;
    expect(days.find((d) => d.day === free.day)!.slots.some((s) => s.kind === 'extended')).toBe(false);
    expect(days.find((d) => d.day === free.day)!.slots.some((s) => s.kind === 'regular')).toBe(true);

    expect(await t.call('demo-community-staff', 'booking', 'setDuty', { day: free.day, sessionId: 'evening', staffOpenid: 'staff-g-shengli-1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'staffOpenid' }] } });
    expect(await t.call('demo-community-staff', 'booking', 'setDuty', { day: free.day, sessionId: 'am', staffOpenid: 'demo-grid-worker' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'sessionId' }] } });
    expect(await t.call('demo-grid-worker', 'booking', 'setDuty', { day: free.day, sessionId: 'evening', staffOpenid: 'demo-grid-worker' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-community-staff', 'booking', 'saveService', { communityId: 'c-shengli', service: { name: '越权事项', minutes: 15, windowIds: ['w1'] } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-resident', 'booking', 'settings', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The street reads the community's settings.
    expect((await t.ok('demo-street', 'booking', 'settings', { communityId: HAIAN })).community.name).toBe('海岸社区');
  });
});

describe('the front desk', () => {
  it('takes a phone booking (no WeChat account), lists the day per window, checks in by code or by name, serves with a note', async () => {
    const online = await bookFirst('res-desk', PENSION, HAIAN, (s) => s.kind === 'regular');
    const slot = (await slotsOf(PROOF)).find((s) => s.day === online.slot.day && s.left > 0 && s.kind === 'regular')!;
    const requestId = randomUUID();
    const phone = await t.ok('demo-community-staff', 'booking', 'phoneBook', { requestId, serviceId: PROOF, slotId: slot.id, name: '赵大爷', phone: '0535-6612345' });
    expect(phone).toMatchObject({ channel: 'phone', channelLabel: '电话预约', resident: { name: '赵大爷', phone: '0535-6612345' }, isOwner: false, status: 'booked' });
    expect((await t.ok('demo-community-staff', 'booking', 'phoneBook', { requestId, serviceId: PROOF, slotId: slot.id, name: '赵大爷', phone: '0535-6612345' })).id).toBe(phone.id);
    expect(await outbox({ 'source.id': phone.id })).toEqual([]);

    const view = await t.ok('demo-community-staff', 'booking', 'day', { day: online.slot.day });
    expect(view.windows.map((w) => w.window.id)).toEqual(['w1', 'w2']);
    expect(view.windows[0].bookings.map((b) => b.id)).toContain(phone.id);
    expect(view.windows[1].bookings.map((b) => b.id)).toContain(online.id);
    for (const w of view.windows) expect(w.bookings.map((b) => b.slot.start)).toEqual([...w.bookings.map((b) => b.slot.start)].sort());
    const found = await t.ok('demo-community-staff', 'booking', 'day', { day: online.slot.day, name: '赵' });
    expect(found.windows.flatMap((w) => w.bookings.map((b) => b.id))).toEqual([phone.id]);
    // The street reads it; the desk of another community may not touch it.
    expect((await t.ok('demo-street', 'booking', 'day', { communityId: HAIAN, day: online.slot.day })).counts.booked).toBeGreaterThanOrEqual(2);
    expect(await t.call('demo-street', 'booking', 'checkIn', { id: online.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('staff-g-shengli-1', 'booking', 'checkIn', { id: online.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    if (online.slot.day !== today()) {
      expect(await t.call('demo-community-staff', 'booking', 'checkIn', { code: online.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^该预约是.+的，不能今天签到$/) } });
    }
    expect(await t.call('demo-community-staff', 'booking', 'noShow', { id: online.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '预约时间未到，不能记爽约' } });
    await makeItNow(online.id, -30);
    await makeItNow(phone.id, -30);
    const checked = await t.ok('demo-community-staff', 'booking', 'checkIn', { code: online.code });
    expect(checked).toMatchObject({ status: 'checked_in', can: { serve: true, checkIn: false } });
    expect(await t.call('demo-community-staff', 'booking', 'checkIn', { code: online.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('demo-community-staff', 'booking', 'checkIn', { code: '000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A grid worker of the community works the desk too (by name → the booking).
    expect((await t.ok('demo-grid-worker-2', 'booking', 'checkIn', { id: phone.id })).status).toBe('checked_in');

    const served = await t.ok('demo-grid-worker-2', 'booking', 'serve', { id: online.id, note: '已完成养老金资格认证' });
    expect(served).toMatchObject({ status: 'served', served: { byName: '周强', note: '已完成养老金资格认证' } });
    const [done] = await outbox({ 'source.id': online.id, template: 'bookingServed' });
    expect(done).toMatchObject({ toOpenid: 'res-desk', data: { thing3: '已完成养老金资格认证', thing4: '请对本次服务作出评价' } });
    expect((await t.ok('res-desk', 'booking', 'detail', { id: online.id })).can).toMatchObject({ rate: true, cancel: false });
  });
});

describe('no-shows', () => {
  it('after two no-shows in 30 days a booking waits for approval; approval books it, refusal gives the seat back', async () => {
    for (const serviceId of [PROOF, RESIDENCE]) {
      const b = await bookFirst('res-noshow', serviceId);
      await makeItNow(b.id, 40);
      expect(await t.ok('demo-community-staff', 'booking', 'noShow', { id: b.id })).toMatchObject({ status: 'no_show', statusLabel: '爽约' });
      expect((await outbox({ 'source.id': b.id, template: 'bookingChanged' }))[0].data.phrase3).toBe('爽约');
    }
    const pending = await bookFirst('res-noshow', PENSION);
    expect(pending).toMatchObject({ status: 'pending_approval', statusLabel: '待审核', can: { cancel: true } });
    const asks = await outbox({ 'source.id': pending.id });
    expect(asks.map((m) => [m.toOpenid, m.template, m.data.phrase3 ?? null]).sort()).toEqual([
      ['demo-community-staff', 'staffBookingApproval', null],
      ['res-noshow', 'bookingChanged', '待审核'],
    ]);
    expect(await t.call('demo-grid-worker', 'booking', 'approve', { id: pending.id, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const approved = await t.ok('demo-community-staff', 'booking', 'approve', { id: pending.id, approve: true });
    expect(approved.status).toBe('booked');
    expect(await outbox({ 'source.id': pending.id, template: 'bookingConfirmed' })).toHaveLength(1);

    const second = await bookFirst('res-noshow', RESIDENCE);
    expect(second.status).toBe('pending_approval');
    const left = async () => (await slotsOf(RESIDENCE)).find((s) => s.id === second.slot.id)?.left;
    const before = await left();
    const refused = await t.ok('demo-community-staff', 'booking', 'approve', { id: second.id, approve: false, reason: '近期多次爽约，请电话联系社区' });
    expect(refused).toMatchObject({ status: 'rejected', cancelled: { reason: '近期多次爽约，请电话联系社区' } });
    expect(await left()).toBe((before ?? 0) + 1);
  });
});

describe('好差评 and the 差评 item', () => {
  it('a 差评 becomes an item due within a working day; the timer marks it overdue and tells the street; the answer reaches the resident', async () => {
    const b = await bookFirst('res-rate', PROOF);
    await makeItNow(b.id);
    await t.ok('demo-community-staff', 'booking', 'serve', { id: b.id, note: '已开具证明' });

    const risky = await t.call('res-rate', 'booking', 'rate', { id: b.id, rating: 'dissatisfied', comment: '窗口有人搞赌博' });
    expect(risky).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'comment' }] } });
    expect((await stored(b.id)).rating).toBeNull();

    const rated = await t.ok('res-rate', 'booking', 'rate', { id: b.id, rating: 'very_dissatisfied', comment: '等候时间太长' });
    expect(rated).toMatchObject({ rating: { value: 'very_dissatisfied', label: '非常不满意', comment: '等候时间太长' }, complaint: { answer: null, overdue: false } });
    expect(rated.complaint!.dueAt).toBe(addWorkingMinutes(new Date(rated.rating!.at), workDayMinutes()).toISOString());
    expect(await t.call('res-rate', 'booking', 'rate', { id: b.id, rating: 'satisfied' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已评价过该次服务' } });
    const [asked] = await outbox({ 'source.id': b.id, template: 'staffComplaint' });
    expect(asked).toMatchObject({ toOpenid: 'demo-community-staff', data: { phrase2: '非常不满意', thing3: '等候时间太长' } });

    const open = await t.ok('demo-community-staff', 'booking', 'complaints', {});
    expect(open.items.find((c) => c.bookingId === b.id)).toMatchObject({ ratingLabel: '非常不满意', overdue: false, answer: null });
    expect((await t.ok('demo-street', 'booking', 'complaints', {})).items.map((c) => c.bookingId)).toContain(b.id);

    // Not due yet: the timer leaves it.
    await fire('escalateComplaints');
    expect((await stored(b.id)).complaint).toMatchObject({ overdue: false });
    const past = new Date(Date.now() - 60_000);
    await t.db.collection('bookings').doc(b.id).update({ complaintDueAt: past, 'complaint.dueAt': past });
    const first = await fire<{ changed: number }>('escalateComplaints');
    const second = await fire<{ changed: number }>('escalateComplaints');
    expect([first.changed, second.changed]).toEqual([1, 0]);
    const overdue = await outbox({ 'source.id': b.id, template: 'staffComplaintOverdue' });
    expect(overdue.map((m) => m.toOpenid).sort()).toEqual(['demo-community-staff', 'demo-street']);

    expect(await t.call('demo-grid-worker', 'booking', 'answer', { id: b.id, text: '网格员代为回复' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const answered = await t.ok('demo-community-staff', 'booking', 'answer', { id: b.id, text: '已向居民致歉，晚间增开一个窗口' });
    expect(answered.complaint).toMatchObject({ answer: '已向居民致歉，晚间增开一个窗口', overdue: true });
    expect((await outbox({ 'source.id': b.id, template: 'bookingAnswered', toOpenid: 'res-rate' }))[0].data.thing2).toBe('已向居民致歉，晚间增开一个窗口');
    expect((await t.ok('demo-community-staff', 'booking', 'complaints', {})).items.map((c) => c.bookingId)).not.toContain(b.id);
    expect((await t.ok('demo-community-staff', 'booking', 'complaints', { open: false })).items.find((c) => c.bookingId === b.id)).toMatchObject({ overdue: true });
  });
});

describe('reminders', () => {
  it('sends the due reminder once through the outbox, with the booking code', async () => {
    const b = await bookFirst('res-remind', PENSION);
    const doc = await stored(b.id);
    expect(['evening', 'hour']).toContain(doc.remindStage);
    await t.db.collection('bookings').doc(b.id).update({ remindAt: new Date(Date.now() - 60_000) });
    await fire('remindBookings');
    await fire('remindBookings');
    const sent = await outbox({ 'source.id': b.id, template: 'bookingReminder' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ toOpenid: 'res-remind', page: `packages/booking/booking/index?id=${b.id}`, data: { character_string4: b.code } });
  });
});

describe('dashboard', () => {
  it('counts bookings, served, no-shows, after-hours share, wait, 好差评 and 差评 answered on time, for the community and up the chain', async () => {
    await t.db.collection('users').add({ _id: 'cs-shengli', name: '胜利路社工', roles: ['community_staff'], jurisdiction: { level: 'community', unitIds: ['c-shengli'] }, createdAt: new Date() });
    const C = 'c-shengli';
    const served = await bookFirst('dash-1', 'sv-shengli-proof', C, (s) => s.kind === 'regular');
    const noShow = await bookFirst('dash-2', 'sv-shengli-proof', C, (s) => s.kind === 'extended');
    const cancelled = await bookFirst('dash-3', 'sv-shengli-pension', C);
    const complained = await bookFirst('dash-4', 'sv-shengli-residence', C, (s) => s.kind === 'regular');
    await t.ok('dash-3', 'booking', 'cancel', { id: cancelled.id });
    for (const b of [served, noShow, complained]) await makeItNow(b.id);
    await t.ok('cs-shengli', 'booking', 'serve', { id: served.id, note: '已办结' });
    await t.ok('cs-shengli', 'booking', 'noShow', { id: noShow.id });
    await t.ok('cs-shengli', 'booking', 'serve', { id: complained.id, note: '已办结' });
    await t.ok('dash-1', 'booking', 'rate', { id: served.id, rating: 'very_satisfied' });
    await t.ok('dash-4', 'booking', 'rate', { id: complained.id, rating: 'dissatisfied', comment: '材料清单写得不清楚' });
    await t.ok('cs-shengli', 'booking', 'answer', { id: complained.id, text: '已更新材料清单' });

    const range = { from: today(), to: new Date(Date.now() + 8 * 3600_000 + 14 * 86_400_000).toISOString().slice(0, 10) };
    const mine = await t.ok('cs-shengli', 'booking', 'dashboard', range);
    expect(mine.unit).toEqual({ id: C, name: '胜利路社区', level: 'community' });
    expect(mine.totals).toEqual({ bookings: 4, cancelled: 1, served: 2, noShow: 1, afterHours: 1, waitMinutes: expect.any(Number), rated: 2, complaints: 1, answered: 1, answeredOnTime: 1, overdue: 0 });
    expect(mine.ratings).toEqual({ very_satisfied: 1, satisfied: 0, basically_satisfied: 0, dissatisfied: 1, very_dissatisfied: 0 });
    expect(mine.rates).toEqual({ noShow: 0.3333, afterHoursShare: 0.3333, averageWaitMinutes: expect.any(Number), satisfaction: 0.5, answeredOnTime: 1 });
    expect(mine.children).toEqual([]);

    const street = await t.ok('demo-street', 'booking', 'dashboard', range);
    expect(street.unit.name).toBe('向阳街道');
    expect(street.children.find((c) => c.id === C)?.counts).toEqual(mine.totals);
    expect(street.totals.bookings).toBeGreaterThanOrEqual(4);
    const district = await t.ok('demo-district', 'booking', 'dashboard', range);
    expect(district.children.find((c) => c.id === 's-xiangyang')?.counts).toEqual(street.totals);
    expect(await t.call('demo-community-staff', 'booking', 'dashboard', { unitId: C })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
