import { builtinCalendar, createCalendar, missingStatutory, scheduleWarning } from './calendar';

const workdays = (calendar: { isWorkday(day: string): boolean }, days: string[]) => days.map((d) => calendar.isWorkday(d));

describe('the built-in calendar', () => {
  test('years chinese-days publishes (to 2026) come from it, with 调休 and 补班', () => {
    const y2026 = builtinCalendar.year(2026);
    expect(y2026.source).toBe('builtin');
    expect(builtinCalendar.isWorkday('2026-02-14')).toBe(true); // Saturday 补班
    expect(builtinCalendar.isWorkday('2026-02-23')).toBe(false); // Monday, 调休
    expect(builtinCalendar.holidayName('2026-02-23')).toBe('春节');
    expect(builtinCalendar.holidayName('2026-10-01')).toBe('国庆节');
    expect(y2026.makeupDays.map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(y2026.makeupDays[1].name).toBe('春节补班');
    expect(builtinCalendar.year(2004).source).toBe('builtin');
  });

  test('2027 is not in chinese-days: statutory holidays by rule, weekends off, no 补班', () => {
    const y2027 = builtinCalendar.year(2027);
    expect(y2027.source).toBe('rule');
    expect(y2027.makeupDays).toEqual([]);
    expect(builtinCalendar.isWorkday('2027-01-01')).toBe(false);
    expect(builtinCalendar.holidayName('2027-01-01')).toBe('元旦');
    expect(workdays(builtinCalendar, ['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'])).toEqual([true, false, false, false, false, true]);
    expect(builtinCalendar.holidayName('2027-02-06')).toBe('春节');
    expect(workdays(builtinCalendar, ['2027-04-05', '2027-06-09', '2027-09-15'])).toEqual([false, false, false]);
    expect(builtinCalendar.holidayName('2027-09-15')).toBe('中秋节');
    expect(workdays(builtinCalendar, ['2027-02-20', '2027-03-01'])).toEqual([false, true]); // a plain Saturday, a plain Monday
    expect(builtinCalendar.holidayName('2027-02-20')).toBeNull();
  });
});

describe('an entered official schedule', () => {
  const official2027 = {
    year: 2027,
    holidays: ['02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11', '02-12'].map((d) => ({ date: `2027-${d}`, name: '春节' })),
    makeupDays: [
      { date: '2027-02-20', name: '补班' },
      { date: '2027-01-31', name: '春节补班' },
    ],
  };
  const calendar = createCalendar([official2027]);

  test('overrides the rule for its year: 补班 Saturdays work, the extra days off do not', () => {
    expect(calendar.year(2027).source).toBe('official');
    expect(calendar.isWorkday('2027-02-20')).toBe(true);
    expect(calendar.isWorkday('2027-01-31')).toBe(true);
    expect(workdays(calendar, ['2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-15'])).toEqual([false, false, false, false, true]);
    expect(calendar.holidayName('2027-02-12')).toBe('春节');
    expect(calendar.year(2027).makeupDays.map((d) => d.date)).toEqual(['2027-01-31', '2027-02-20']); // by date
  });

  test('only for its year; a year entered over built-in data wins too', () => {
    expect(calendar.year(2026).source).toBe('builtin');
    expect(calendar.year(2028).source).toBe('rule');
    const over2026 = createCalendar([{ year: 2026, holidays: [{ date: '2026-01-01', name: '元旦' }], makeupDays: [] }]);
    expect(over2026.year(2026).source).toBe('official');
    expect(over2026.isWorkday('2026-02-23')).toBe(true);
  });

  test('statutory weekdays it leaves as working days are reported', () => {
    const missing = missingStatutory(calendar.year(2027));
    expect(missing.map((d) => d.date)).toEqual(['2027-01-01', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01']);
    expect(missingStatutory(builtinCalendar.year(2027))).toEqual([]);
  });
});

describe('the missing-schedule warning', () => {
  const warning2027 = '2027 年放假安排尚未录入，期限与办事时间按法定节假日推算，可能与国务院公布的调休不一致，请区市管理员录入';

  test('from December 1 when next year has no official schedule', () => {
    expect(scheduleWarning('2026-11-30', builtinCalendar)).toBeNull();
    expect(scheduleWarning('2026-12-01', builtinCalendar)).toBe(warning2027);
    const entered = createCalendar([{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], makeupDays: [] }]);
    expect(scheduleWarning('2026-12-01', entered)).toBeNull();
  });

  test('all year long when this year has none', () => {
    expect(scheduleWarning('2027-03-01', builtinCalendar)).toBe(warning2027);
  });
});
