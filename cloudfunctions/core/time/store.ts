/**
 * The entered official holiday schedules (`holidaySchedules`, one document per year) and the calendar
 * in force for this function instance.
 *
 * `loadCalendar()` reads the entered years (a handful of small documents), builds the calendar and
 * installs it (calendar.ts), so the synchronous working-time functions use it. The result is kept
 * for CALENDAR_CACHE_MS per instance: a schedule entered elsewhere reaches every instance within
 * that time, and at once in the instance that saved it. A failed read keeps the calendar already
 * installed (the built-in one at worst) rather than failing the caller's action.
 */
import type { HolidayScheduleDoc, HolidayScheduleVersion } from '../../../types/calendar';
import { isDuplicate } from '../db/errors';
import { database, type Database } from '../platform/cloud';
import { createCalendar, installCalendar, installedCalendar, type HolidayCalendar, type OfficialYear } from './calendar';

export const HOLIDAY_SCHEDULES = 'holidaySchedules';
export const CALENDAR_CACHE_MS = 5 * 60_000;

const schedules = (db: Database) => db.collection(HOLIDAY_SCHEDULES);

export const holidaySchedulesRepo = {
  /** Every entered year's schedule in force, without the audit history. */
  async entered(db: Database = database()): Promise<OfficialYear[]> {
    const { data } = await schedules(db).field({ year: true, holidays: true, makeupDays: true }).limit(1000).get();
    return (data as Array<Pick<HolidayScheduleDoc, 'year' | 'holidays' | 'makeupDays'>>).map(({ year, holidays, makeupDays }) => ({ year, holidays, makeupDays }));
  },

  /** One year's document, history included. */
  async get(year: number, db: Database = database()): Promise<HolidayScheduleDoc | null> {
    const { data } = await schedules(db).where({ _id: String(year) }).limit(1).get();
    return (data[0] as HolidayScheduleDoc | undefined) ?? null;
  },

  /**
   * Saves `entry` as the year's schedule: creates the document when `expected` is 0, else replaces
   * version `expected`. The entry is appended to `history` in the same single-document write.
   * False when `expected` is stale (someone saved first).
   */
  async save(year: number, expected: number, entry: HolidayScheduleVersion, db: Database = database()): Promise<boolean> {
    if (expected === 0) {
      const doc: HolidayScheduleDoc = {
        _id: String(year),
        year,
        holidays: entry.holidays,
        makeupDays: entry.makeupDays,
        ...(entry.note ? { note: entry.note } : {}),
        version: entry.version,
        updatedAt: entry.at,
        updatedBy: entry.by,
        history: [entry],
      };
      try {
        await schedules(db).add(doc);
        return true;
      } catch (error) {
        if (isDuplicate(error)) return false;
        throw error;
      }
    }
    const _ = db.command;
    const { updated } = await schedules(db)
      .where({ _id: String(year), version: expected })
      .update({
        holidays: _.set(entry.holidays),
        makeupDays: _.set(entry.makeupDays),
        note: entry.note ? entry.note : _.remove(),
        version: entry.version,
        updatedAt: entry.at,
        updatedBy: _.set(entry.by),
        history: _.push([entry]),
      });
    return updated === 1;
  },
};

let cached: { calendar: HolidayCalendar; at: number } | null = null;
let loading: Promise<HolidayCalendar> | null = null;

export interface LoadOptions {
  /** Reuse a calendar loaded less than this long ago (0: always read). */
  maxAgeMs?: number;
  /** Defaults to the function's own database. */
  db?: Database;
}

/** The calendar in force for this instance, read from the database when the cached one is too old. */
export function loadCalendar({ maxAgeMs = CALENDAR_CACHE_MS, db }: LoadOptions = {}): Promise<HolidayCalendar> {
  if (cached && Date.now() - cached.at < maxAgeMs) return Promise.resolve(cached.calendar);
  loading ??= (async () => {
    try {
      const calendar = createCalendar(await holidaySchedulesRepo.entered(db ?? database()));
      cached = { calendar, at: Date.now() };
      installCalendar(calendar);
      return calendar;
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', what: 'loadCalendar', error: String((error as Error)?.stack ?? error) }));
      return installedCalendar();
    } finally {
      loading = null;
    }
  })();
  return loading;
}

/** Drops the cached calendar, so the next `loadCalendar()` reads again (after a save). */
export function forgetCalendar(): void {
  cached = null;
}
