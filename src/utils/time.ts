/**
 * The app's one clock and one calendar: every day it computes and every time it shows is
 * Asia/Shanghai, whatever zone the phone or the browser is set to.
 *
 * Built on dayjs + utc with a fixed +08:00 rather than the timezone plugin: that plugin goes through
 * `Intl.DateTimeFormat`, which gives wrong dates in WeChat on Android (dayjs#2635). Asia/Shanghai
 * has had no daylight saving since 1991, so the fixed offset is exact for every date the app shows.
 * The arithmetic runs in dayjs's UTC mode, so the device's own zone (and its DST) never enters.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Minutes Asia/Shanghai is ahead of UTC. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** A calendar day in Asia/Shanghai, 'YYYY-MM-DD'. */
export type Day = string;

export type Instant = Date | string | number;

/** The current instant: the one clock every page reads. */
export function now(): Date {
  return new Date();
}

/** The Shanghai wall clock of an instant, as a UTC-mode dayjs (its fields read as Shanghai time). */
function wall(at: Instant): Dayjs {
  return dayjs.utc(at).add(SHANGHAI_OFFSET_MINUTES, 'minute');
}

/** A day as a UTC-mode dayjs at its midnight, for calendar arithmetic. */
function dayAt(day: Day): Dayjs {
  return dayjs.utc(day);
}

/** The Shanghai day of an instant; today by default. */
export function today(at: Instant = now()): Day {
  return wall(at).format('YYYY-MM-DD');
}

/** `day` moved by `days` calendar days (negative goes back). */
export function addDays(day: Day, days: number): Day {
  return dayAt(day).add(days, 'day').format('YYYY-MM-DD');
}

/** The first day of the year `day` falls in. */
export function startOfYear(day: Day): Day {
  return `${day.slice(0, 4)}-01-01`;
}

/** The instant a Shanghai day begins (its 00:00 at +08:00). */
export function startOfDay(day: Day): Date {
  return dayAt(day).subtract(SHANGHAI_OFFSET_MINUTES, 'minute').toDate();
}

/** An instant as people read it here, 'YYYY-MM-DD HH:mm' in Shanghai; '' for nothing or nonsense. */
export function formatTime(at: Instant | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const shown = wall(at);
  return shown.isValid() ? shown.format('YYYY-MM-DD HH:mm') : '';
}

/** The Shanghai day of an instant, '' for nothing or nonsense. */
export function formatDay(at: Instant | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const shown = wall(at);
  return shown.isValid() ? shown.format('YYYY-MM-DD') : '';
}
