/**
 * The holiday calendar through the org function on the local stack: reading a year with its source,
 * a district commander entering 2027 (and correcting it, with both versions audited), who may not,
 * bad input, and the calendar loaded from the database driving a deadline.
 */
import type { SetCalendarYearInput } from '../../types/calendar';
import type { z } from 'zod';
import { createCalendar, scheduleWarning } from '../../cloudfunctions/core/time/calendar';
import { loadCalendar } from '../../cloudfunctions/core/time/store';
import { addWorkingMinutes, formatShanghai } from '../../cloudfunctions/core/time/workingTime';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 60_000);
afterAll(() => t?.close());

const DISTRICT = 'demo-district';
const GRID = 'demo-grid-worker';

const at = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => formatShanghai(d, 'YYYY-MM-DD HH:mm');
const schedules = () => t.db.collection('holidaySchedules');
const days = (name: string, ...dates: string[]) => dates.map((d) => ({ date: `2027-${d}`, name }));

/** A plausible 2027 schedule (the real one is published in the autumn of 2026). */
const first2027: z.input<typeof SetCalendarYearInput> = {
  year: 2027,
  holidays: [
    ...days('元旦', '01-01', '01-02', '01-03'),
    ...days('春节', '02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11', '02-12', '02-13'),
    ...days('清明节', '04-03', '04-04', '04-05'),
    ...days('劳动节', '05-01', '05-02', '05-03', '05-04', '05-05'),
    ...days('端午节', '06-09'),
    ...days('中秋节', '09-15'),
    ...days('国庆节', '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'),
  ],
  makeupDays: [{ date: '2027-01-31', name: '春节补班' }, { date: '2027-02-20' }, { date: '2027-04-25' }, { date: '2027-09-26' }, { date: '2027-10-09' }],
  note: '国办发明电〔2026〕示例号',
  expectedVersion: 0,
};

describe('calendarYear', () => {
  it('shows staff a built-in year with its 补班, and 2027 by statutory rule', async () => {
    const y2026 = await t.ok(GRID, 'org', 'calendarYear', { year: 2026 });
    expect(y2026).toMatchObject({ year: 2026, source: 'builtin', sourceLabel: '内置的国务院安排', version: 0, history: [] });
    expect(y2026.days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', weekday: 6, weekdayLabel: '周六', kind: 'makeup', name: '春节补班' });

    const y2027 = await t.ok(GRID, 'org', 'calendarYear', { year: 2027 });
    expect(y2027).toMatchObject({ source: 'rule', sourceLabel: '按法定节假日推算', version: 0 });
    expect(y2027.days.map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('is for staff only', async () => {
    const res = await t.call('demo-resident', 'org', 'calendarYear', { year: 2027 });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('setCalendarYear', () => {
  it('refuses a grid worker and writes nothing', async () => {
    const res = await t.call(GRID, 'org', 'setCalendarYear', first2027);
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await schedules().count()).total).toBe(0);
  });

  it('answers bad input with INVALID_INPUT on the field path and writes nothing', async () => {
    const cases: Array<[z.input<typeof SetCalendarYearInput>, string, string]> = [
      [{ ...first2027, holidays: [...first2027.holidays, { date: '2026-12-31', name: '元旦' }] }, `holidays.${first2027.holidays.length}.date`, '日期须在 2027 年内'],
      [{ ...first2027, makeupDays: [{ date: '2027-02-06' }] }, 'makeupDays.0.date', '2027-02-06 不能既放假又补班'],
      [{ ...first2027, holidays: [{ date: '2027-01-01', name: '  ' }] }, 'holidays.0.name', '请填写节日名称'],
      [{ ...first2027, makeupDays: [{ date: '2027-02-19' }] }, 'makeupDays.0.date', '补班日应为周六或周日'],
      [{ ...first2027, holidays: [{ date: '2027-02-30', name: '春节' }] }, 'holidays.0.date', '日期格式应为 YYYY-MM-DD，且须是真实日期'],
      [{ ...first2027, year: 1999 }, 'year', '年份应在 2000–2100 之间'],
    ];
    for (const [input, path, message] of cases) {
      const res = await t.call(DISTRICT, 'org', 'setCalendarYear', input);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!res.ok) expect(res.error.issues).toContainEqual({ path, message });
    }
    expect((await schedules().count()).total).toBe(0);
  });

  it('lets a district commander enter 2027, refuses a stale edit, and keeps every version for review', async () => {
    const saved = await t.ok(DISTRICT, 'org', 'setCalendarYear', first2027);
    expect(saved).toMatchObject({ year: 2027, source: 'official', sourceLabel: '区市录入的国务院安排', version: 1, note: first2027.note, updatedByName: '马军', missingStatutory: [] });
    expect(saved.days.find((d) => d.date === '2027-02-20')).toMatchObject({ kind: 'makeup', name: '补班', weekdayLabel: '周六' });
    expect(saved.days.filter((d) => d.kind === 'off')).toHaveLength(first2027.holidays.length);

    const stale = await t.call(DISTRICT, 'org', 'setCalendarYear', { ...first2027, holidays: days('元旦', '01-01') });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The correction: 春节 ends on 02-12 (02-13 is a plain Saturday again) and 10-09 is no longer a 补班.
    const corrected = await t.ok(DISTRICT, 'org', 'setCalendarYear', {
      ...first2027,
      holidays: first2027.holidays.filter((h) => h.date !== '2027-02-13'),
      makeupDays: first2027.makeupDays!.filter((m) => m.date !== '2027-10-09'),
      note: undefined,
      expectedVersion: 1,
    });
    expect(corrected).toMatchObject({ version: 2, note: null });
    expect(corrected.history.map((v) => [v.version, v.byName, v.holidayCount, v.makeupCount])).toEqual([
      [2, '马军', first2027.holidays.length - 1, 4],
      [1, '马军', first2027.holidays.length, 5],
    ]);

    // The stored audit: both versions in full, oldest first, the current one on top.
    const { data } = await schedules().where({ _id: '2027' }).get();
    expect(data).toHaveLength(1);
    const doc = data[0] as { version: number; holidays: unknown[]; history: Array<{ version: number; holidays: Array<{ date: string }>; makeupDays: unknown[]; note?: string; by: { openid: string } }> };
    expect(doc.version).toBe(2);
    expect(doc.history.map((v) => v.version)).toEqual([1, 2]);
    expect(doc.history[0].holidays.map((h) => h.date)).toContain('2027-02-13');
    expect(doc.history[1].holidays.map((h) => h.date)).not.toContain('2027-02-13');
    expect(doc.history[0]).toMatchObject({ note: first2027.note, by: { openid: DISTRICT } });
    expect(doc.holidays).toHaveLength(first2027.holidays.length - 1);

    const read = await t.ok(GRID, 'org', 'calendarYear', { year: 2027 });
    expect(read).toMatchObject({ source: 'official', version: 2 });
  });

  it('drives deadlines once loaded from the database: the 补班 Saturday counts, the extra days off do not', async () => {
    const calendar = await loadCalendar({ maxAgeMs: 0, db: t.db });
    expect(calendar.year(2027).source).toBe('official');
    // The default schedule now uses the loaded calendar. Fri 02-19 17:00 + 2 working hours → Sat 02-20 10:00.
    expect(iso(addWorkingMinutes(at('2027-02-19T17:00:00'), 120))).toBe('2027-02-20 10:00');
    // Thu 02-04 17:00 + 2 h: 春节 runs to Fri 02-12 → Mon 02-15 10:00 (the rule alone gave Tue 02-09).
    expect(iso(addWorkingMinutes(at('2027-02-04T17:00:00'), 120))).toBe('2027-02-15 10:00');
    // 3 working days from Thu 2026-12-31 17:00 land after the New Year days.
    expect(iso(addWorkingMinutes(at('2026-12-31T17:00:00'), 3 * 480))).toBe('2027-01-06 17:00');
  });

  it('calendarStatus: this year and next with their sources, and the warning the workbench shows', async () => {
    const status = await t.ok(GRID, 'org', 'calendarStatus', {});
    const year = Number(status.today.slice(0, 4));
    expect(status.years.map((y) => y.year)).toEqual([year, year + 1]);
    const { data } = await schedules().limit(100).get();
    const expected = createCalendar(data as Array<{ year: number; holidays: Array<{ date: string; name: string }>; makeupDays: Array<{ date: string; name: string }> }>);
    expect(status.years.map((y) => y.source)).toEqual([expected.year(year).source, expected.year(year + 1).source]);
    expect(status.warning).toBe(scheduleWarning(status.today, expected));
    if (year === 2026) expect(status).toMatchObject({ years: [{ source: 'builtin' }, { source: 'official' }], warning: null });
  });
});
