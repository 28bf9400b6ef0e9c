/**
 * The statutory public holidays of a year by rule, per 《全国年节及纪念日放假办法》 as revised in 2024
 * (in force from 2025): 元旦 1 day, 春节 4 (除夕 to 正月初三), 清明 1 (the solar term day), 劳动节 2
 * (May 1–2), 端午 1 (五月初五), 中秋 1 (八月十五), 国庆 3 (Oct 1–3). Lunar dates and the 清明 term
 * come from lunar-typescript. The State Council's 调休 (bridging days off, make-up days, the weekday
 * given back for a holiday on a weekend) is published each autumn and is not guessed here.
 */
import { Lunar } from 'lunar-typescript';
import type { ScheduleDay } from '../../../types/calendar';

/** The first year these rules apply to (earlier years: 春节 from 初一, 3 days; 劳动节 1 day). */
export const RULES_SINCE = 2025;

export const FESTIVALS = {
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明节',
  labourDay: '劳动节',
  dragonBoat: '端午节',
  midAutumn: '中秋节',
  nationalDay: '国庆节',
} as const;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The solar date of a day of the (non-leap) lunar month. */
const lunar = (year: number, month: number, day: number): Lunar => Lunar.fromYmd(year, month, day);

/** Statutory days off of `year`, by date; a day with two festivals (中秋 on 国庆) carries both names. */
export function statutoryHolidays(year: number): ScheduleDay[] {
  const days: Array<[string, string]> = [[ymd(year, 1, 1), FESTIVALS.newYear]];
  // 春节: 除夕 (the day before 正月初一, whether the 12th month has 29 or 30 days) to 初三.
  const eve = lunar(year, 1, 1).next(-1);
  for (let i = 0; i < 4; i += 1) days.push([eve.next(i).getSolar().toYmd(), FESTIVALS.springFestival]);
  days.push([lunar(year, 3, 1).getJieQiTable()['清明'].toYmd(), FESTIVALS.qingming]);
  days.push([ymd(year, 5, 1), FESTIVALS.labourDay], [ymd(year, 5, 2), FESTIVALS.labourDay]);
  days.push([lunar(year, 5, 5).getSolar().toYmd(), FESTIVALS.dragonBoat]);
  for (let d = 1; d <= 3; d += 1) days.push([ymd(year, 10, d), FESTIVALS.nationalDay]);
  // After 国庆, so a shared day reads 国庆节、中秋节.
  days.push([lunar(year, 8, 15).getSolar().toYmd(), FESTIVALS.midAutumn]);

  const byDate = new Map<string, string[]>();
  for (const [date, name] of days) {
    const names = byDate.get(date) ?? [];
    if (!names.includes(name)) names.push(name);
    byDate.set(date, names);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, names]) => ({ date, name: names.join('、') }));
}
