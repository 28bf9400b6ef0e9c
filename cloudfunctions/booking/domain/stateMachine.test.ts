import { builtinCalendar } from '../../core/time/calendar';
import { scheduleWith } from '../../core/time/workingTime';
import { bookingFixture, LIU } from './fixtures';
import { metricsOf } from './metrics';
import { approve, cancel, checkIn, markOverdue, noShow, rate, reject, reschedule, serve, answer } from './stateMachine';

const resident = { openid: 'demo-resident', name: '王秀英' };
const b = bookingFixture('2026-09-30', '18:00'); // starts 10:00Z; cut-off 08:00Z
const ctx = (iso: string) => ({ now: new Date(iso), schedule: scheduleWith(builtinCalendar) });

describe('cancel and reschedule up to the cut-off', () => {
  it('the resident cancels before the cut-off; the seat and the keys are given back', () => {
    const t = cancel(b, resident, false, '临时有事', ctx('2026-09-30T07:59:00Z'));
    expect(t.patch).toMatchObject({ status: 'cancelled', activeKey: 'x:bk1', quotaKey: 'x:bk1', holdRef: null, remindAt: null });
    expect(t.release).toEqual({ slotDocId: b.slotDocId, ref: 'bk1@0' });
  });

  it('after the cut-off only staff may cancel', () => {
    expect(() => cancel(b, resident, false, null, ctx('2026-09-30T08:01:00Z'))).toThrow(/已过取消截止时间（9月30日 16:00）/);
    expect(cancel(b, LIU, true, '窗口临时关闭', ctx('2026-09-30T09:00:00Z')).byStaff).toBe(true);
    expect(() => cancel({ ...b, status: 'cancelled' }, resident, false, null, ctx('2026-09-30T07:00:00Z'))).toThrow('该预约已取消');
  });

  it('a reschedule moves the booking to the seat taken for it at its version and gives the old one back', () => {
    const slot = { ...b.slot, slotId: '20261009-0900', day: '2026-10-09', start: new Date('2026-10-09T01:00:00Z'), end: new Date('2026-10-09T01:30:00Z'), sessionId: 'am', sessionKind: 'regular' as const };
    const t = reschedule(b, resident, false, { slot, slotDocId: 'sl_c-haian_20261009-0900', afterHours: false, changeUntil: new Date('2026-10-08T23:00:00Z') }, ctx('2026-09-29T00:00:00Z'));
    expect(t.patch).toMatchObject({ holdRef: 'bk1@1', slotDocId: 'sl_c-haian_20261009-0900', activeKey: 'demo-resident|sv-proof|2026-10-09', afterHours: false, remindStage: 'evening' });
    expect(t.release).toEqual({ slotDocId: b.slotDocId, ref: 'bk1@0' });
  });
});

describe('the front desk', () => {
  it('checks in only a booked visit of today; a cancelled booking is refused and nothing changes', () => {
    expect(checkIn(b, LIU, '2026-09-30', ctx('2026-09-30T09:55:00Z')).patch.status).toBe('checked_in');
    expect(() => checkIn({ ...b, status: 'cancelled' }, LIU, '2026-09-30', ctx('2026-09-30T09:55:00Z'))).toThrow('该预约已取消，不能签到');
    expect(() => checkIn({ ...b, status: 'pending_approval' }, LIU, '2026-09-30', ctx('2026-09-30T09:55:00Z'))).toThrow('该预约尚未通过审核，不能签到');
    expect(() => checkIn(b, LIU, '2026-09-29', ctx('2026-09-29T09:55:00Z'))).toThrow('该预约是9月30日的，不能今天签到');
  });

  it('serves a booked or checked-in visit with a note; marks a no-show only once it has started', () => {
    const served = serve({ ...b, status: 'checked_in' }, LIU, '已开具居住证明', '2026-09-30', ctx('2026-09-30T10:10:00Z'));
    expect(served.patch).toMatchObject({ status: 'served', served: { by: LIU, note: '已开具居住证明' }, quotaKey: 'x:bk1' });
    expect(served.release).toBeUndefined(); // a served visit keeps its seat: the slot was used
    expect(() => noShow(b, LIU, ctx('2026-09-30T09:59:00Z'))).toThrow('预约时间未到，不能记爽约');
    expect(noShow(b, LIU, ctx('2026-09-30T10:20:00Z')).patch.status).toBe('no_show');
    expect(() => noShow({ ...b, status: 'checked_in' }, LIU, ctx('2026-09-30T10:20:00Z'))).toThrow('该预约已签到，不能记爽约');
  });

  it('approval: pass sets the reminders, refusal gives the seat back', () => {
    const pending = { ...b, status: 'pending_approval' as const };
    expect(approve(pending, LIU, ctx('2026-09-27T00:00:00Z')).patch).toMatchObject({ status: 'booked', remindStage: 'evening' });
    expect(reject(pending, LIU, '近期多次爽约', ctx('2026-09-27T00:00:00Z')).release).toEqual({ slotDocId: b.slotDocId, ref: 'bk1@0' });
    expect(() => approve(b, LIU, ctx('2026-09-27T00:00:00Z'))).toThrow('该预约已通过审核');
  });
});

describe('好差评', () => {
  const served = { ...b, status: 'served' as const, served: { at: new Date('2026-09-18T08:50:00Z'), by: LIU, note: '已办结' } };

  it('满意 and above need no answer', () => {
    expect(rate(served, resident, 'satisfied', null, 'pass', ctx('2026-09-18T09:00:00Z')).patch.complaint).toBeUndefined();
    expect(() => rate(b, resident, 'satisfied', null, 'pass', ctx('2026-09-18T09:00:00Z'))).toThrow('办结后才能评价');
  });

  it('a 差评 must be answered within one working day — the make-up Sunday counts', () => {
    // Friday 2026-09-18 17:00: one hour left that day; Sunday 09-20 is 国庆节补班, a working day.
    const t = rate(served, resident, 'very_dissatisfied', '等了很久', 'pass', ctx('2026-09-18T09:00:00Z'));
    expect(t.patch.complaint?.dueAt.toISOString()).toBe('2026-09-20T09:00:00.000Z'); // Sunday 17:00
    expect(t.patch).toMatchObject({ complaintState: 'open', complaintDueAt: t.patch.complaint?.dueAt });
    const rated = { ...served, ...t.patch };
    expect(() => rate(rated, resident, 'satisfied', null, 'pass', ctx('2026-09-18T09:10:00Z'))).toThrow('您已评价过该次服务');

    const answered = answer(rated, LIU, '已联系居民致歉并说明原因', ctx('2026-09-20T08:00:00Z'));
    expect(answered.patch).toMatchObject({ complaintState: 'closed', complaintDueAt: null });
    expect(metricsOf({ ...rated, ...answered.patch })).toMatchObject({ complaints: 1, answered: 1, answeredOnTime: 1, r_very_dissatisfied: 1 });
    expect(() => markOverdue(rated, ctx('2026-09-20T08:59:00Z'))).toThrow();
    const overdue = markOverdue(rated, ctx('2026-09-20T09:01:00Z'));
    expect(overdue.patch).toMatchObject({ complaint: { overdue: true }, complaintDueAt: null });
    const late = answer({ ...rated, ...overdue.patch }, LIU, '迟到的回复', ctx('2026-09-21T02:00:00Z'));
    expect(metricsOf({ ...rated, ...overdue.patch, ...late.patch })).toMatchObject({ answered: 1, answeredOnTime: 0, overdue: 1 });
  });
});
