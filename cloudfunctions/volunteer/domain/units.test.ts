import { periodsOf } from './hours';
import { behindHalfYear, countedInOf, memberReminderId, monthLabel, monthOf, monthRange, projectTally, servedHalfAfter, unitReminderId } from './units';

describe('monthOf: the Shanghai month, whatever the UTC date', () => {
  test.each([
    // 2026-06-30 16:00Z is 2026-07-01 00:00 in Shanghai: July, and the second half-year.
    ['2026-06-30T16:00:00Z', '2026', '2026-07', '2026H2'],
    ['2026-06-30T15:59:59.999Z', '2026', '2026-06', '2026H1'],
    // New Year's Eve in UTC is already the new year in Shanghai.
    ['2026-12-31T16:00:00Z', '2027', '2027-01', '2027H1'],
    ['2026-12-31T15:59:59Z', '2026', '2026-12', '2026H2'],
    ['2026-02-28T20:00:00Z', '2026', '2026-03', '2026H1'],
  ])('%s → %s / %s / %s', (iso, year, month, half) => {
    const at = new Date(iso);
    expect(monthOf(at)).toEqual({ year, month });
    expect(periodsOf(at).half).toBe(half);
  });

  test('a month runs from its first Shanghai midnight to the next month’s', () => {
    expect(monthRange('2026-07')).toEqual({ from: new Date('2026-06-30T16:00:00Z'), until: new Date('2026-07-31T16:00:00Z') });
    expect(monthRange('2026-12')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), until: new Date('2026-12-31T16:00:00Z') });
    // February of a non-leap year ends on the 28th.
    expect(monthRange('2026-02').until).toEqual(new Date('2026-02-28T16:00:00Z'));
    expect(monthLabel('2026-07')).toBe('2026年7月');
  });

  test('every instant of a month lies in its range, and its neighbours outside', () => {
    const { from, until } = monthRange('2026-07');
    expect(monthOf(from).month).toBe('2026-07');
    expect(monthOf(new Date(until.getTime() - 1)).month).toBe('2026-07');
    expect(monthOf(new Date(from.getTime() - 1)).month).toBe('2026-06');
    expect(monthOf(until).month).toBe('2026-08');
  });
});

describe('the 5-project rule', () => {
  test.each([
    [0, false, 5],
    [4, false, 1],
    [5, true, 0],
    [7, true, 0],
  ])('%i projects: met %s, missing %i', (count, met, missing) => {
    expect(projectTally('2026', count)).toEqual({ year: '2026', count, required: 5, met, missing });
  });
});

describe('once per half-year', () => {
  test('a service moves the last served half-year forward, never back', () => {
    expect(servedHalfAfter(null, '2026H2', true)).toBe('2026H2');
    expect(servedHalfAfter('2026H1', '2026H2', true)).toBe('2026H2');
    // A late correction of an earlier half does not take the later one away.
    expect(servedHalfAfter('2026H2', '2026H1', true)).toBe('2026H2');
  });

  test('a service taken away (a correction to no hours) clears only the half it named', () => {
    expect(servedHalfAfter('2026H2', '2026H2', false)).toBeNull();
    expect(servedHalfAfter('2026H2', '2026H1', false)).toBe('2026H2');
    expect(servedHalfAfter(null, '2026H2', false)).toBeNull();
  });

  test('behind: no service in the Shanghai half-year of now (at the UTC edge)', () => {
    // 2026-06-30 16:30Z is 1 July in Shanghai: a service in the first half no longer counts.
    const julyFirst = new Date('2026-06-30T16:30:00Z');
    expect(behindHalfYear('2026H1', julyFirst)).toBe(true);
    expect(behindHalfYear('2026H2', julyFirst)).toBe(false);
    expect(behindHalfYear('2026H1', new Date('2026-06-30T15:30:00Z'))).toBe(false);
    expect(behindHalfYear(null, julyFirst)).toBe(true);
  });

  test('reminder ids: one per member and half-year, one per unit, month and leader', () => {
    expect(memberReminderId('o1', '2026H2')).toBe(memberReminderId('o1', '2026H2'));
    expect(memberReminderId('o1', '2026H2')).not.toBe(memberReminderId('o1', '2027H1'));
    expect(unitReminderId('u1', '2026-07', 'l1')).not.toBe(unitReminderId('u1', '2026-08', 'l1'));
    expect(unitReminderId('u1', '2026-07', 'l1')).not.toBe(unitReminderId('u1', '2026-07', 'l2'));
  });
});

describe('where a member is counted', () => {
  test('their community, with the street and district above it', () => {
    expect(countedInOf({ _id: 'c-haian', name: '海岸社区', path: ['d-370602', 's-xiangyang', 'c-haian'] })).toEqual({
      countedIn: { communityId: 'c-haian', streetId: 's-xiangyang', districtId: 'd-370602' },
      countedInName: '海岸社区',
    });
  });
  test('nowhere without a community', () => {
    expect(countedInOf(null)).toEqual({ countedIn: null, countedInName: null });
  });
});
