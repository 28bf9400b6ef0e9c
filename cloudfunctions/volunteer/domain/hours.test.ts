import { exclusiveMinutes, halfLabel, periodsOf, roundHours, servedInterval } from './hours';

const at = (s: string) => new Date(s);

describe('roundHours', () => {
  it('rounds down to half an hour by default rule, and as each mode says', () => {
    const half = { unitMinutes: 30, mode: 'down' } as const;
    expect(roundHours(89, half)).toBe(1);
    expect(roundHours(90, half)).toBe(1.5);
    expect(roundHours(29, half)).toBe(0);
    expect(roundHours(0, half)).toBe(0);
    expect(roundHours(-5, half)).toBe(0);
    expect(roundHours(75, { unitMinutes: 30, mode: 'nearest' })).toBe(1.5);
    expect(roundHours(74, { unitMinutes: 30, mode: 'nearest' })).toBe(1);
    expect(roundHours(61, { unitMinutes: 60, mode: 'up' })).toBe(2);
    expect(roundHours(60, { unitMinutes: 60, mode: 'up' })).toBe(1);
    expect(roundHours(100, { unitMinutes: 15, mode: 'down' })).toBe(1.5);
    expect(roundHours(100, { unitMinutes: 1, mode: 'down' })).toBe(1.67);
  });
});

describe('servedInterval', () => {
  const start = at('2026-12-05T09:00:00+08:00');
  const end = at('2026-12-05T11:00:00+08:00');
  it('clips check-in/out to the activity window and needs both', () => {
    expect(servedInterval(at('2026-12-05T08:40:00+08:00'), at('2026-12-05T11:20:00+08:00'), start, end)).toEqual({ from: start.getTime(), to: end.getTime() });
    expect(servedInterval(at('2026-12-05T09:30:00+08:00'), null, start, end)).toBeNull();
    expect(servedInterval(at('2026-12-05T11:05:00+08:00'), at('2026-12-05T11:20:00+08:00'), start, end)).toBeNull();
  });
});

describe('exclusiveMinutes (overlap never double-counts)', () => {
  const t = (hhmm: string) => at(`2026-12-05T${hhmm}:00+08:00`).getTime();
  it('credits the overlap of two activities once, to the earlier one', () => {
    const m = exclusiveMinutes([
      { key: 'b', interval: { from: t('10:00'), to: t('12:00') } },
      { key: 'a', interval: { from: t('09:00'), to: t('11:00') } },
      { key: 'c', interval: null },
    ]);
    expect(m.get('a')).toBe(120);
    expect(m.get('b')).toBe(60);
    expect(m.get('c')).toBe(0);
  });
  it('an activity inside another adds nothing; disjoint ones add fully', () => {
    const m = exclusiveMinutes([
      { key: 'outer', interval: { from: t('08:00'), to: t('12:00') } },
      { key: 'inner', interval: { from: t('09:00'), to: t('10:00') } },
      { key: 'later', interval: { from: t('11:30'), to: t('13:00') } },
      { key: 'apart', interval: { from: t('14:00'), to: t('15:00') } },
    ]);
    expect([m.get('outer'), m.get('inner'), m.get('later'), m.get('apart')]).toEqual([240, 0, 60, 60]);
    const total = [...m.values()].reduce((s, v) => s + v, 0);
    expect(total).toBe((t('13:00') - t('08:00')) / 60_000 + 60);
  });
});

describe('periodsOf (Asia/Shanghai whatever the machine zone)', () => {
  it('puts 30 June 23:30 Shanghai in the first half, 1 July 00:10 in the second, New Year by Shanghai', () => {
    expect(periodsOf(at('2026-06-30T23:30:00+08:00'))).toEqual({ year: '2026', half: '2026H1' });
    expect(periodsOf(at('2026-07-01T00:10:00+08:00'))).toEqual({ year: '2026', half: '2026H2' });
    expect(periodsOf(at('2026-12-31T16:30:00Z'))).toEqual({ year: '2027', half: '2027H1' });
    expect(halfLabel('2026H2')).toBe('2026年下半年');
  });
});
