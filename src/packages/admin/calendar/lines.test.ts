import { parseLines, toLines } from './lines';

describe('pasted schedule lines', () => {
  test('days off, ranges and make-up days, with the line each came from', () => {
    const parsed = parseLines(['2027-01-01 元旦', '', '# 春节', '2027-02-05 至 2027-02-07 春节', '2027/2/20 补班', '2027年1月31日，春节补班'].join('\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.holidays).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
    ]);
    expect(parsed.lineOf.holidays).toEqual([1, 4, 4, 4]);
    expect(parsed.makeupDays).toEqual([
      { date: '2027-02-20', name: '补班' },
      { date: '2027-01-31', name: '春节补班' },
    ]);
    expect(parsed.lineOf.makeupDays).toEqual([5, 6]);
  });

  test('unreadable lines, impossible dates and missing names are reported per line', () => {
    const parsed = parseLines(['春节放假', '2027-02-30 春节', '2027-02-05', '2027-02-09 至 2027-02-05 春节'].join('\n'));
    expect(parsed.errors.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(parsed.errors[2].message).toBe('请写上节日名称，补班日写“补班”');
    expect(parsed.holidays).toEqual([]);
  });

  test('a year read back as lines parses to the same days', () => {
    const days = [
      { date: '2026-02-14', kind: 'makeup' as const, name: '春节补班' },
      { date: '2026-02-15', kind: 'off' as const, name: '春节' },
      { date: '2026-02-28', kind: 'makeup' as const, name: '调休' },
    ];
    const text = toLines(days);
    expect(text).toBe('2026-02-14 春节补班\n2026-02-15 春节\n2026-02-28 补班');
    expect(parseLines(text).makeupDays.map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
  });
});
