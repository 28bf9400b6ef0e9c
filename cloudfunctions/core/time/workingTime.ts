/**
 * Working time in Asia/Shanghai: office hours on the working days of a work calendar (weekdays that
 * are not public holidays, plus make-up working days). Every function here is synchronous and pure
 * over the `WorkSchedule` it is given.
 *
 * Which calendar: the default schedule's calendar is `calendarInForce` (calendar.ts), the calendar
 * installed for this function instance. `loadCalendar()` (store.ts) reads the official schedules
 * from the database, at most every few minutes per instance, and installs them; a handler (or the
 * router, before every handler and timer job) awaits it once per invocation, and from then on the
 * pure functions below use it without I/O. Until a load, the built-in calendar is in force
 * (chinese-days' published schedules, else the statutory holidays by rule). Tests pass a schedule.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { builtinCalendar, calendarInForce, type WorkCalendar } from './calendar';

export const TIME_ZONE = 'Asia/Shanghai';

/** Office hours of a working day (Asia/Shanghai); which days are working days is the calendar's. */
export const WORK_HOURS: ReadonlyArray<{ start: string; end: string }> = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

dayjs.extend(utc);
dayjs.extend(timezone);

export type { WorkCalendar } from './calendar';

export interface WorkSchedule {
  /** Only `isWorkday` is needed to count working time. */
  calendar: Pick<WorkCalendar, 'isWorkday'>;
  hours: ReadonlyArray<{ start: string; end: string }>;
}

/** The built-in calendar (chinese-days, else statutory rule), whatever is loaded. */
export const chinaCalendar: WorkCalendar = builtinCalendar;

/** Office hours over the calendar in force for this instance (see the header). */
export const defaultSchedule: WorkSchedule = { calendar: calendarInForce, hours: WORK_HOURS };

/** Office hours over a given calendar. */
export const scheduleWith = (calendar: Pick<WorkCalendar, 'isWorkday'>): WorkSchedule => ({ calendar, hours: WORK_HOURS });

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
