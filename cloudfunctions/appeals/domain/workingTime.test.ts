import { addWorkingMinutes, shanghaiDay, workingMinutesBetween, formatShanghai, type WorkSchedule, defaultSchedule } from './workingTime';
import { resolveClock, respondClock, dueState } from './deadlines';

const at = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => formatShanghai(d, 'YYYY-MM-DD HH:mm');

describe('working time (Asia/Shanghai, chinese-days calendar)', () => {
  test('within one day, skipping the lunch break', () => {
    expect(iso(addWorkingMinutes(at('2026-03-10T11:00:00'), 120))).toBe('2026-03-10 14:00');
  });

  test('an interval used up exactly ends at its end, not the next morning', () => {
    expect(iso(addWorkingMinutes(at('2026-03-10T16:00:00'), 120))).toBe('2026-03-10 18:00');
  });

  test('starting outside office hours counts from the next opening', () => {
    expect(iso(addWorkingMinutes(at('2026-03-10T20:30:00'), 60))).toBe('2026-03-11 10:00');
    expect(iso(addWorkingMinutes(at('2026-03-10T06:00:00'), 30))).toBe('2026-03-10 09:30');
  });

  test('weekends do not count', () => {
    // Friday 17:00 + 2 h → Monday 10:00
    expect(iso(addWorkingMinutes(at('2026-03-13T17:00:00'), 120))).toBe('2026-03-16 10:00');
  });

  test('National Day 2026: holiday 10-01..10-07 skipped, Saturday 10-10 is a make-up working day', () => {
    // 3 working days (1440 min) from Wed 09-30 16:00: 120 on 09-30, 480 on 10-08, 480 on 10-09, 360 on Sat 10-10
    expect(iso(addWorkingMinutes(at('2026-09-30T16:00:00'), 3 * 480))).toBe('2026-10-10 16:00');
  });

  test('Spring Festival 2026: Saturday 02-14 is a working day, 02-15..02-23 are off', () => {
    expect(iso(addWorkingMinutes(at('2026-02-13T17:00:00'), 4 * 60))).toBe('2026-02-14 12:00');
    // 5 working days from Fri 02-13 17:00: 60 + 480 (02-14) + 480×3 (02-24..26) + 420 on 02-27
    expect(iso(addWorkingMinutes(at('2026-02-13T17:00:00'), 5 * 480))).toBe('2026-02-27 17:00');
  });

  test('working minutes between two instants across a holiday', () => {
    expect(workingMinutesBetween(at('2026-09-30T16:00:00'), at('2026-10-08T10:00:00'))).toBe(120 + 60);
    expect(workingMinutesBetween(at('2026-10-08T10:00:00'), at('2026-09-30T16:00:00'))).toBe(0);
  });

  test('a calendar can be injected', () => {
    const everyDay: WorkSchedule = { ...defaultSchedule, calendar: { isWorkday: () => true } };
    expect(iso(addWorkingMinutes(at('2026-10-01T09:00:00'), 480, everyDay))).toBe('2026-10-01 18:00');
  });

  test('the Shanghai day of an instant', () => {
    expect(shanghaiDay(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(formatShanghai(new Date('2026-09-30T16:30:00Z'), 'YYYY年MM月DD日 HH:mm')).toBe('2026年10月01日 00:30');
  });
});

describe('deadlines per category', () => {
  test('elevator: respond within 1 working hour, resolve within 2 working days, across National Day', () => {
    const filed = at('2026-09-30T17:30:00');
    const respond = respondClock('elevator', filed);
    expect(iso(respond.dueAt)).toBe('2026-10-08 09:30');
    expect(iso(respond.warnAt)).toBe('2026-10-08 09:15');
    const resolve = resolveClock('elevator', filed);
    expect(iso(resolve.dueAt)).toBe('2026-10-09 17:30');
    expect(iso(resolve.warnAt)).toBe('2026-10-09 13:30'); // 4 working hours before, lunch excluded
  });

  test('due state', () => {
    const dueAt = at('2026-03-10T12:00:00');
    const warnAt = at('2026-03-10T11:00:00');
    expect(dueState(dueAt, warnAt, at('2026-03-10T10:00:00'))).toBe('ok');
    expect(dueState(dueAt, warnAt, at('2026-03-10T11:00:00'))).toBe('dueSoon');
    expect(dueState(dueAt, warnAt, at('2026-03-10T12:00:01'))).toBe('overdue');
    expect(dueState(null, null, at('2026-03-10T12:00:01'))).toBeNull();
  });
});
