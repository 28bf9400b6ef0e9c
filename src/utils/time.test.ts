import { addDays, formatDay, formatTime, startOfDay, startOfYear, today } from './time';

/** Runs under TZ=UTC and TZ=Asia/Shanghai (scripts/test.ts): the answers must not depend on it. */
describe('the Shanghai calendar', () => {
  it('reads the day of an instant in Shanghai, not in the device’s zone', () => {
    expect(today('2026-12-01T15:59:59.999Z')).toBe('2026-12-01');
    expect(today('2026-12-01T16:00:00Z')).toBe('2026-12-02');
    expect(today(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(today(Date.parse('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
  });

  it('moves by calendar days across months, years and leap days', () => {
    expect(addDays('2026-12-02', -6)).toBe('2026-11-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(startOfYear('2027-01-01')).toBe('2027-01-01');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfDay('2026-12-02').toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(today(startOfDay('2027-01-01'))).toBe('2027-01-01');
  });

  it('shows times in Shanghai, and nothing for a missing or broken one', () => {
    expect(formatTime('2026-12-01T16:05:00Z')).toBe('2026-12-02 00:05');
    expect(formatTime('2026-12-01T16:05:00+08:00')).toBe('2026-12-01 16:05');
    expect(formatTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
    expect(formatDay('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(formatTime(null)).toBe('');
    expect(formatTime(undefined)).toBe('');
    expect(formatTime('')).toBe('');
    expect(formatTime('not a time')).toBe('');
  });
});
