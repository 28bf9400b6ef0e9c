import { rangeOf } from './dates';

/** The dashboard's presets, at instants where the device's zone and Shanghai disagree on the day. */
describe('rangeOf', () => {
  it('just after midnight in Shanghai (still the day before in UTC), ends today in Shanghai', () => {
    const at = '2026-12-01T16:05:00Z'; // 2026-12-02 00:05 in Shanghai
    expect(rangeOf('7d', at)).toEqual({ from: '2026-11-26', to: '2026-12-02' });
    expect(rangeOf('30d', at)).toEqual({ from: '2026-11-03', to: '2026-12-02' });
    expect(rangeOf('year', at)).toEqual({ from: '2026-01-01', to: '2026-12-02' });
  });

  it('just before midnight in Shanghai, ends that day', () => {
    const at = '2026-12-01T15:59:59Z'; // 2026-12-01 23:59:59 in Shanghai
    expect(rangeOf('7d', at)).toEqual({ from: '2026-11-25', to: '2026-12-01' });
  });

  it('across a month’s turn', () => {
    const at = '2026-11-30T16:30:00Z'; // 2026-12-01 00:30 in Shanghai
    expect(rangeOf('7d', at)).toEqual({ from: '2026-11-25', to: '2026-12-01' });
    expect(rangeOf('30d', at)).toEqual({ from: '2026-11-02', to: '2026-12-01' });
  });

  it('across a year’s turn: 本年 starts on the new year’s first day', () => {
    const at = '2026-12-31T16:30:00Z'; // 2027-01-01 00:30 in Shanghai
    expect(rangeOf('year', at)).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(rangeOf('7d', at)).toEqual({ from: '2026-12-26', to: '2027-01-01' });
    expect(rangeOf('30d', at)).toEqual({ from: '2026-12-03', to: '2027-01-01' });
  });

  it('over February of a leap year', () => {
    expect(rangeOf('7d', '2028-03-02T01:00:00Z')).toEqual({ from: '2028-02-25', to: '2028-03-02' });
  });
});
