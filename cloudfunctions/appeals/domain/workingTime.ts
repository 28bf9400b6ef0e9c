/**
 * Working time in Asia/Shanghai: office hours on days chinese-days calls workdays (weekdays that are
 * not public holidays, plus make-up working days). Pure given a calendar.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { isWorkday as chinaIsWorkday } from 'chinese-days';
import { TIME_ZONE, WORK_HOURS } from '../../../types/appeals';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface WorkCalendar {
  /** `day` is 'YYYY-MM-DD' in Asia/Shanghai. */
  isWorkday(day: string): boolean;
}

export interface WorkSchedule {
  calendar: WorkCalendar;
  hours: ReadonlyArray<{ start: string; end: string }>;
}

export const chinaCalendar: WorkCalendar = {
  isWorkday(day) {
    const [y, m, d] = day.split('-').map(Number);
    // A local-time Date, because chinese-days reads it with local getters whatever the process TZ.
    return chinaIsWorkday(new Date(y, m - 1, d, 12));
  },
};

export const defaultSchedule: WorkSchedule = { calendar: chinaCalendar, hours: WORK_HOURS };

const MINUTE = 60_000;
/** Asia/Shanghai has had no daylight saving since 1991: a fixed +08:00. */
const OFFSET_MS = 8 * 60 * MINUTE;
const DAY_MS = 24 * 60 * MINUTE;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function workDayMinutes(schedule: WorkSchedule = defaultSchedule): number {
  return schedule.hours.reduce((sum, h) => sum + minutesOf(h.end) - minutesOf(h.start), 0);
}

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return dayjs(at).tz(TIME_ZONE).format('YYYY-MM-DD');
}

/** Formats an instant in Asia/Shanghai, e.g. 'YYYY年MM月DD日 HH:mm'. */
export function formatShanghai(at: Date, format: string): string {
  return dayjs(at).tz(TIME_ZONE).format(format);
}

/** The instant of local midnight starting `day` (Asia/Shanghai). */
function midnight(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

function dayAfter(day: string): string {
  return new Date(midnight(day) + DAY_MS + OFFSET_MS).toISOString().slice(0, 10);
}

/** The working intervals of one day, as instants. Empty on a day off. */
function intervals(day: string, schedule: WorkSchedule): Array<[number, number]> {
  if (!schedule.calendar.isWorkday(day)) return [];
  const base = midnight(day);
  return schedule.hours.map((h) => [base + minutesOf(h.start) * MINUTE, base + minutesOf(h.end) * MINUTE]);
}

const MAX_DAYS = 800;

/**
 * The instant when `minutes` of working time have elapsed after `start`. Time outside office hours
 * does not count; a deadline that uses up an interval exactly ends at the interval's end.
 */
export function addWorkingMinutes(start: Date, minutes: number, schedule: WorkSchedule = defaultSchedule): Date {
  if (!(minutes > 0)) return new Date(start);
  let remaining = minutes * MINUTE;
  let day = shanghaiDay(start);
  const from = start.getTime();
  for (let i = 0; i < MAX_DAYS; i += 1) {
    for (const [s, e] of intervals(day, schedule)) {
      if (e <= from) continue;
      const begin = Math.max(s, from);
      const available = e - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
    day = dayAfter(day);
  }
  throw new Error(`no working time within ${MAX_DAYS} days of ${start.toISOString()}`);
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, schedule: WorkSchedule = defaultSchedule): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  let day = shanghaiDay(from);
  for (let i = 0; i < MAX_DAYS && midnight(day) < b; i += 1) {
    for (const [s, e] of intervals(day, schedule)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
    day = dayAfter(day);
  }
  return Math.round(total / MINUTE);
}
