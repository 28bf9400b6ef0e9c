import { createCalendar } from './calendar';
import { addWorkingMinutes, shanghaiDay, workingMinutesBetween, formatShanghai, scheduleWith, type WorkSchedule, defaultSchedule } from './workingTime';

const at = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => formatShanghai(d, 'YYYY-MM-DD HH:mm');

describe('working time (Asia/Shanghai, the built-in calendar)', () => {
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

describe('working time across the end of the built-in data (2027, statutory rule)', () => {
  test('3 working days from Thu 2026-12-31 17:00 skip New Year 2027 and the weekend', () => {
    // 60 on 12-31; 2027-01-01 (Fri) off; 01-02/03 weekend; 480 on Mon 01-04 and Tue 01-05; 420 on Wed 01-06
    expect(iso(addWorkingMinutes(at('2026-12-31T17:00:00'), 3 * 480))).toBe('2027-01-06 17:00');
  });

  test('Spring Festival 2027: 除夕 02-05 to 初三 02-08 are off', () => {
    // Thu 02-04 17:00 + 2 h: 60 on 02-04, then Tue 02-09 09:00 + 60
    expect(iso(addWorkingMinutes(at('2027-02-04T17:00:00'), 120))).toBe('2027-02-09 10:00');
  });

  test('an official schedule passed in is honoured: a 补班 Saturday works, its extra days off do not', () => {
    const official = createCalendar([
      { year: 2027, holidays: ['02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11'].map((d) => ({ date: `2027-${d}`, name: '春节' })), makeupDays: [{ date: '2027-02-20', name: '补班' }] },
    ]);
    const schedule = scheduleWith(official);
    // Fri 02-19 17:00 + 2 h: 60 on 02-19, 60 on the 补班 Saturday 02-20
    expect(iso(addWorkingMinutes(at('2027-02-19T17:00:00'), 120, schedule))).toBe('2027-02-20 10:00');
    expect(iso(addWorkingMinutes(at('2027-02-19T17:00:00'), 120))).toBe('2027-02-22 10:00');
    // Thu 02-04 17:00 + 2 h: the entered days off run to Thu 02-11
    expect(iso(addWorkingMinutes(at('2027-02-04T17:00:00'), 120, schedule))).toBe('2027-02-12 10:00');
  });
});
