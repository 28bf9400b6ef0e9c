/**
 * The China work calendar: is a day a working day, and which holiday is it. Pure.
 *
 * A year's days off and make-up working days (补班) come from the strongest source that has the year:
 *  1. `official`: the schedule a district administrator entered (the `holidaySchedules` collection);
 *  2. `builtin`: the State Council schedules the `chinese-days` package ships (1.5.7: 2004–2026);
 *  3. `rule`: the statutory holidays computed by rule (see statutory.ts), weekends off, no 调休.
 * Everything else is the plain week: Monday to Friday work, Saturday and Sunday off.
 *
 * The calendar in force for a function instance (built from the database by `loadCalendar()` in
 * store.ts) is installed here, and `calendarInForce` reads it; until one is loaded the built-in
 * calendar (2 and 3) is in force.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import {
  HOLIDAY_SOURCE_LABELS,
  MAKEUP_NAME,
  weekdayOf,
  type HolidaySource,
  type ScheduleDay,
} from '../../../types/calendar';
import { FESTIVALS, RULES_SINCE, statutoryHolidays } from './statutory';

export interface WorkCalendar {
  /** `day` is 'YYYY-MM-DD' in Asia/Shanghai. */
  isWorkday(day: string): boolean;
  /** The holiday a day off belongs to ('春节'), or null for a working day or a plain weekend. */
  holidayName(day: string): string | null;
}

/** One year's days off and make-up days, and where they come from. */
export interface YearSchedule {
  year: number;
  source: HolidaySource;
  /** Days off, by date (weekend days of a holiday block included when the source lists them). */
  holidays: ScheduleDay[];
  /** Make-up working days, by date. */
  makeupDays: ScheduleDay[];
}

/** What an official schedule needs to take part: the year and its days. */
export type OfficialYear = Pick<YearSchedule, 'year' | 'holidays' | 'makeupDays'>;

export interface HolidayCalendar extends WorkCalendar {
  /** The year's schedule and its source. */
  year(year: number): YearSchedule;
}

// ─── chinese-days (built-in official schedules) ───────────────────────────────────────────────

/** chinese-days names days "English,中文,n"; the names used here, by the English one. */
const BUILTIN_NAMES: Record<string, string> = {
  "New Year's Day": FESTIVALS.newYear,
  'Spring Festival': FESTIVALS.springFestival,
  'Tomb-sweeping Day': FESTIVALS.qingming,
  'Labour Day': FESTIVALS.labourDay,
  'Dragon Boat Festival': FESTIVALS.dragonBoat,
  'Mid-autumn Festival': FESTIVALS.midAutumn,
  'National Day': FESTIVALS.nationalDay,
};

/** The package's own tables, read as data: its date functions parse with the process's local zone. */
const BUILTIN: { holidays: Record<string, string>; workdays: Record<string, string> } = chineseDays;

const named = (raw: string) => {
  const [english, chinese] = raw.split(',');
  return BUILTIN_NAMES[english] ?? chinese ?? english;
};

/** The year as chinese-days has it, or null when the package has no schedule for that year. */
function builtinYear(year: number): YearSchedule | null {
  const inYear = (table: Record<string, string>) => Object.entries(table).filter(([day]) => day.startsWith(`${year}-`)).sort(([a], [b]) => a.localeCompare(b));
  const holidays: ScheduleDay[] = inYear(BUILTIN.holidays).map(([date, raw]) => ({ date, name: named(raw) }));
  const makeupDays: ScheduleDay[] = inYear(BUILTIN.workdays).map(([date, raw]) => ({ date, name: `${named(raw)}${MAKEUP_NAME}` }));
  // A year the package knows has its holidays; one it does not know has none at all.
  return holidays.length > 0 ? { year, source: 'builtin', holidays, makeupDays } : null;
}

/** Built-in and rule years never change: computed once per instance. */
const builtinYears = new Map<number, YearSchedule>();

/** The year from chinese-days, or else by statutory rule. */
export function defaultYear(year: number): YearSchedule {
  let schedule = builtinYears.get(year);
  if (!schedule) {
    schedule = builtinYear(year) ?? { year, source: 'rule', holidays: statutoryHolidays(year), makeupDays: [] };
    builtinYears.set(year, schedule);
  }
  return schedule;
}

// ─── The calendar ─────────────────────────────────────────────────────────────────────────────

interface YearIndex {
  schedule: YearSchedule;
  off: Map<string, string>;
  makeup: Set<string>;
}

function indexOf(schedule: YearSchedule): YearIndex {
  return {
    schedule,
    off: new Map(schedule.holidays.map((h) => [h.date, h.name])),
    makeup: new Set(schedule.makeupDays.map((m) => m.date)),
  };
}

const byDate = (a: ScheduleDay, b: ScheduleDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** A calendar where each entered official year overrides the built-in one for that year. */
export function createCalendar(official: ReadonlyArray<OfficialYear> = []): HolidayCalendar {
  const years = new Map<number, YearIndex>();
  for (const o of official) {
    years.set(o.year, indexOf({ year: o.year, source: 'official', holidays: [...o.holidays].sort(byDate), makeupDays: [...o.makeupDays].sort(byDate) }));
  }
  const index = (year: number): YearIndex => {
    let found = years.get(year);
    if (!found) {
      found = indexOf(defaultYear(year));
      years.set(year, found);
    }
    return found;
  };
  const yearOf = (day: string) => Number(day.slice(0, 4));
  return {
    isWorkday(day) {
      const { off, makeup } = index(yearOf(day));
      if (makeup.has(day)) return true;
      if (off.has(day)) return false;
      const weekday = weekdayOf(day);
      return weekday !== 0 && weekday !== 6;
    },
    holidayName: (day) => index(yearOf(day)).off.get(day) ?? null,
    year: (year) => index(year).schedule,
  };
}

/** chinese-days' schedules, else statutory rule: the calendar before any official entry is loaded. */
export const builtinCalendar: HolidayCalendar = createCalendar();

export const sourceLabel = (source: HolidaySource) => HOLIDAY_SOURCE_LABELS[source];

// ─── The calendar in force for this instance ──────────────────────────────────────────────────

let inForce: HolidayCalendar = builtinCalendar;

/** Makes `calendar` the one `calendarInForce` answers from (store.ts does this after each load). */
export function installCalendar(calendar: HolidayCalendar): void {
  inForce = calendar;
}

/** The calendar currently installed: the loaded one, or the built-in one if none was loaded. */
export function installedCalendar(): HolidayCalendar {
  return inForce;
}

/** A calendar that answers from whichever calendar is installed at the time of the question. */
export const calendarInForce: HolidayCalendar = {
  isWorkday: (day) => inForce.isWorkday(day),
  holidayName: (day) => inForce.holidayName(day),
  year: (year) => inForce.year(year),
};

// ─── Warnings ─────────────────────────────────────────────────────────────────────────────────

/** The Chinese warning for a year that only has the statutory rule to go on. */
export function missingScheduleWarning(year: number): string {
  return `${year} 年放假安排尚未录入，期限与办事时间按法定节假日推算，可能与国务院公布的调休不一致，请区市管理员录入`;
}

/**
 * The workbench warning on `today` ('YYYY-MM-DD', Shanghai): this year has no official schedule,
 * or it is December and next year has none yet (the State Council publishes it in the autumn).
 */
export function scheduleWarning(today: string, calendar: HolidayCalendar): string | null {
  const year = Number(today.slice(0, 4));
  if (calendar.year(year).source === 'rule') return missingScheduleWarning(year);
  if (today >= `${year}-12-01` && calendar.year(year + 1).source === 'rule') return missingScheduleWarning(year + 1);
  return null;
}

/** Statutory days off on weekdays that an official year leaves as working days. */
export function missingStatutory(schedule: YearSchedule): ScheduleDay[] {
  if (schedule.source !== 'official' || schedule.year < RULES_SINCE) return [];
  const off = new Set(schedule.holidays.map((h) => h.date));
  return statutoryHolidays(schedule.year).filter((h) => !off.has(h.date) && ![0, 6].includes(weekdayOf(h.date)));
}
