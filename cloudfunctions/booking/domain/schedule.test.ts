import { builtinCalendar, createCalendar } from '../../core/time/calendar';
import { LIU, settingsFixture, ZHANG } from './fixtures';
import { dutyOf, horizonDays, overlappingSessions, planOf, slotOf, slotsOfDay, tooSoonOrLate } from './schedule';

const settings = settingsFixture();
const ids = (day: string, s = settings, calendar = builtinCalendar) => slotsOfDay(day, s, calendar).slots.map((x) => x.id.slice(9));

describe('slots over the holiday calendar (2026: chinese-days’ State Council schedule)', () => {
  it('a weekday holds office hours and the evening 延时 session, cut into 30-minute slots', () => {
    const { plan, slots } = slotsOfDay('2026-09-30', settings, builtinCalendar);
    expect(plan).toMatchObject({ closed: null, makeup: false });
    expect(slots).toHaveLength(6 + 10 + 4);
    expect(slots.at(-1)).toMatchObject({ id: '20260930-1930', session: { id: 'evening', kind: 'extended' } });
    // 18:00 in Shanghai, whatever the machine's zone.
    expect(slots.find((s) => s.id === '20260930-1800')!.start.toISOString()).toBe('2026-09-30T10:00:00.000Z');
  });

  it('国庆 closes every day of the holiday, weekends included: no 错时 on a holiday Saturday', () => {
    for (const day of ['2026-10-01', '2026-10-03', '2026-10-07']) {
      expect(slotsOfDay(day, settings, builtinCalendar)).toMatchObject({ plan: { closed: '国庆节' }, slots: [] });
    }
  });

  it('a 调休 make-up Saturday opens as a working day: office hours, not the Saturday 错时 session', () => {
    const plan = planOf('2026-10-10', settings, builtinCalendar);
    expect(plan).toMatchObject({ closed: null, makeup: true });
    expect(plan.sessions.map((s) => s.id)).toEqual(['am', 'pm', 'evening']);
    // The evening's weekly duty covers Monday to Friday: nobody on a Saturday, so no evening slots…
    expect(ids('2026-10-10')).not.toContain('1800');
    expect(ids('2026-10-10')).toContain('0900');
    // …until someone is put on duty that day.
    const staffed = settingsFixture({ roster: { ...settings.roster, days: [{ day: '2026-10-10', sessionId: 'evening', staff: ZHANG }] } });
    expect(ids('2026-10-10', staffed)).toEqual(expect.arrayContaining(['1800', '1930']));
    // The make-up Sunday before 国庆 too.
    expect(planOf('2026-09-20', settings, builtinCalendar)).toMatchObject({ makeup: true, closed: null });
  });

  it('a plain Saturday holds the 错时 session; a plain Sunday holds nothing', () => {
    expect(ids('2026-10-17')).toEqual(['0900', '0930', '1000', '1030', '1100', '1130']);
    expect(slotsOfDay('2026-10-18', settings, builtinCalendar)).toMatchObject({ plan: { closed: null, sessions: [] }, slots: [] });
  });

  it('a one-off closure closes the day with its reason', () => {
    const closed = settingsFixture({ closures: [{ day: '2026-09-29', reason: '社区消防演练' }] });
    expect(slotsOfDay('2026-09-29', closed, builtinCalendar)).toMatchObject({ plan: { closed: '社区消防演练' }, slots: [] });
  });
});

describe('2027: by statutory rule, or an entered official schedule', () => {
  it('by rule 国庆 is Oct 1–3 with no 调休 guessed: Monday Oct 4 is open', () => {
    expect(planOf('2027-10-01', settings, builtinCalendar).closed).toBe('国庆节');
    expect(planOf('2027-10-04', settings, builtinCalendar)).toMatchObject({ closed: null, makeup: false });
  });

  it('an official schedule closes its holiday week and opens its make-up Saturday', () => {
    const official = createCalendar([
      {
        year: 2027,
        holidays: ['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
        makeupDays: [{ date: '2027-02-20', name: '春节补班' }],
      },
    ]);
    expect(planOf('2027-02-10', settings, official).closed).toBe('春节');
    expect(planOf('2027-02-10', settings, builtinCalendar).closed).toBeNull(); // a plain Wednesday by rule
    expect(ids('2027-02-20', settings, official)[0]).toBe('0900');
    expect(planOf('2027-02-20', settings, official).sessions.map((s) => s.kind)).toEqual(['regular', 'regular', 'extended']);
    expect(planOf('2027-02-20', settings, builtinCalendar).sessions.map((s) => s.kind)).toEqual(['staggered']);
  });
});

describe('duty (轮值坐班)', () => {
  it('a day’s own assignment overrides the weekly pattern; nobody on duty offers no after-hours slots', () => {
    expect(dutyOf(settings.roster, '2026-09-30', 'evening')).toEqual({ staff: [LIU], source: 'pattern' });
    const swapped = { ...settings.roster, days: [{ day: '2026-09-30', sessionId: 'evening', staff: ZHANG }] };
    expect(dutyOf(swapped, '2026-09-30', 'evening')).toEqual({ staff: [ZHANG], source: 'day' });
    const empty = settingsFixture({ roster: { ...settings.roster, days: [{ day: '2026-09-30', sessionId: 'evening', staff: null }] } });
    expect(ids('2026-09-30', empty)).not.toContain('1800');
    expect(ids('2026-09-30', empty)).toContain('1730'); // office hours need no roster
  });

  it('a slot id is offered only on an open, staffed day', () => {
    expect(slotOf('20260930-1800', settings, builtinCalendar)?.session.id).toBe('evening');
    expect(slotOf('20261001-0900', settings, builtinCalendar)).toBeNull(); // 国庆
    expect(slotOf('20260930-1815', settings, builtinCalendar)).toBeNull(); // not a slot start
    expect(slotOf('20260930-2000', settings, builtinCalendar)).toBeNull(); // after the evening session
    expect(slotOf('garbage', settings, builtinCalendar)).toBeNull();
  });
});

describe('notice and horizon', () => {
  const now = new Date('2026-09-30T09:30:00Z'); // 17:30 in Shanghai
  const at = (id: string) => slotOf(id, settings, builtinCalendar)!;
  it('refuses the past, less than the minimum notice, and beyond 14 days', () => {
    expect(tooSoonOrLate(at('20260930-0900'), now, '2026-09-30', 60, 14)).toBe('该时段已过，请选择其他时段');
    expect(tooSoonOrLate(at('20260930-1800'), now, '2026-09-30', 60, 14)).toBe('请至少提前1小时预约');
    expect(tooSoonOrLate(at('20260930-1830'), now, '2026-09-30', 60, 14)).toBeNull();
    expect(tooSoonOrLate(at('20261013-0900'), now, '2026-09-30', 60, 14)).toBeNull(); // day 14
    expect(tooSoonOrLate(at('20261014-0900'), now, '2026-09-30', 60, 14)).toBe('只能预约14天内的时段');
    expect(horizonDays('2026-12-25', 14).at(-1)).toBe('2027-01-07');
  });
});

it('finds overlapping sessions, make-up days included', () => {
  expect(overlappingSessions(settings.sessions)).toBeNull();
  const clash = [...settings.sessions, { ...settings.sessions[2], id: 'late', name: '周六晚间', weekdays: [6], start: '19:00', end: '21:00' }];
  // A Saturday-only workday session still meets the weekday evening on a make-up Saturday.
  expect(overlappingSessions(clash)?.map((s) => s.id)).toEqual(['evening', 'late']);
});
