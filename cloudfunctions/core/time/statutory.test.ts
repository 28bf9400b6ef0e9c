import { statutoryHolidays } from './statutory';

const dates = (year: number, name: string) => statutoryHolidays(year).filter((d) => d.name.includes(name)).map((d) => d.date);

describe('statutory holidays by rule (放假办法 as revised in 2024)', () => {
  test('2027: 元旦, 春节 from 除夕 02-05 to 初三, 清明 04-05, 劳动节, 端午 06-09, 中秋 09-15, 国庆', () => {
    expect(dates(2027, '元旦')).toEqual(['2027-01-01']);
    expect(dates(2027, '春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(dates(2027, '清明')).toEqual(['2027-04-05']);
    expect(dates(2027, '劳动节')).toEqual(['2027-05-01', '2027-05-02']);
    expect(dates(2027, '端午')).toEqual(['2027-06-09']);
    expect(dates(2027, '中秋')).toEqual(['2027-09-15']);
    expect(dates(2027, '国庆')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
    expect(statutoryHolidays(2027)).toHaveLength(13);
  });

  test('matches the lunar and solar-term days of published years', () => {
    // 2026 as the State Council published it: 除夕 02-16, 清明 04-05, 端午 06-19, 中秋 09-25
    expect(dates(2026, '春节')[0]).toBe('2026-02-16');
    expect(dates(2026, '清明')).toEqual(['2026-04-05']);
    expect(dates(2026, '端午')).toEqual(['2026-06-19']);
    expect(dates(2026, '中秋')).toEqual(['2026-09-25']);
    // 2025: 除夕 01-28 (a 29-day 腊月), 清明 04-04, 中秋 10-06
    expect(dates(2025, '春节')).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(dates(2025, '清明')).toEqual(['2025-04-04']);
    expect(dates(2025, '中秋')).toEqual(['2025-10-06']);
  });

  test('a day with two festivals is one day off with both names', () => {
    // 中秋 2028 is 10-03, inside 国庆
    expect(statutoryHolidays(2028).find((d) => d.date === '2028-10-03')?.name).toBe('国庆节、中秋节');
    expect(statutoryHolidays(2028)).toHaveLength(12);
  });
});
