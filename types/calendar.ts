/**
 * The holiday calendar: which days are off and which weekend days are make-up working days (补班),
 * per year, and where that comes from. Working time (deadlines, office hours) is computed over it.
 */
import { z } from 'zod';
import { action, STAFF_ROLES } from './contract';

/**
 * Where a year's days come from, strongest first: an official schedule a district administrator
 * entered; the State Council schedules built into the `chinese-days` package; the statutory holidays
 * computed by rule (《全国年节及纪念日放假办法》, no 调休 guessed).
 */
export const HOLIDAY_SOURCES = ['official', 'builtin', 'rule'] as const;
export type HolidaySource = (typeof HOLIDAY_SOURCES)[number];

export const HOLIDAY_SOURCE_LABELS: Record<HolidaySource, string> = {
  official: '区市录入的国务院安排',
  builtin: '内置的国务院安排',
  rule: '按法定节假日推算',
};

export const CALENDAR_LIMITS = {
  minYear: 2000,
  maxYear: 2100,
  nameMax: 20,
  holidaysMax: 60,
  makeupDaysMax: 20,
  noteMax: 100,
} as const;

/** The default name of a make-up working day. */
export const MAKEUP_NAME = '补班';

/** A day of a year's schedule: a day off with its festival, or a make-up working day. */
export interface ScheduleDay {
  /** 'YYYY-MM-DD' (Asia/Shanghai). */
  date: string;
  name: string;
}

/** One saved version of a year's official schedule, as the audit keeps it. */
export interface HolidayScheduleVersion {
  version: number;
  holidays: ScheduleDay[];
  makeupDays: ScheduleDay[];
  note?: string;
  at: Date;
  by: { openid: string; name: string };
}

/**
 * A `holidaySchedules` document: the official schedule of one year, `_id` = the year ('2027').
 * The top-level fields are the version in force; `history` keeps every version ever saved,
 * oldest first, and is only ever appended to (in the same single-document write as the change).
 */
export interface HolidayScheduleDoc {
  _id: string;
  year: number;
  holidays: ScheduleDay[];
  makeupDays: ScheduleDay[];
  note?: string;
  version: number;
  updatedAt: Date;
  updatedBy: { openid: string; name: string };
  history: HolidayScheduleVersion[];
}

// ─── Outputs ──────────────────────────────────────────────────────────────────────────────────

export interface CalendarDayView {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** '周一' … '周日'. */
  weekdayLabel: string;
  /** `off`: a day off (holiday); `makeup`: a weekend day that is a working day (补班). */
  kind: 'off' | 'makeup';
  name: string;
}

export interface CalendarVersionView {
  version: number;
  at: string;
  byName: string;
  note?: string;
  holidayCount: number;
  makeupCount: number;
}

export interface CalendarYearView {
  year: number;
  source: HolidaySource;
  sourceLabel: string;
  /** Every holiday (weekday or not) and make-up day of the year, by date. */
  days: CalendarDayView[];
  /** The entered official schedule's version; 0 when none was entered. Send it back to change it. */
  version: number;
  note: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
  /** Saved versions, newest first. */
  history: CalendarVersionView[];
  /** Statutory holidays on weekdays that the entered schedule leaves as working days (probably a paste error). */
  missingStatutory: ScheduleDay[];
}

export interface CalendarStatus {
  /** Today in Asia/Shanghai. */
  today: string;
  /** This year and next year. */
  years: Array<{ year: number; source: HolidaySource; sourceLabel: string }>;
  /** Set when this year, or (from December 1) next year, has no official schedule. */
  warning: string | null;
}

// ─── Inputs ───────────────────────────────────────────────────────────────────────────────────

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 0 = Sunday … 6 = Saturday, of a 'YYYY-MM-DD' date. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const Year = z
  .number({ error: '请填写年份' })
  .int({ message: '年份须为整数' })
  .min(CALENDAR_LIMITS.minYear, { message: `年份应在 ${CALENDAR_LIMITS.minYear}–${CALENDAR_LIMITS.maxYear} 之间` })
  .max(CALENDAR_LIMITS.maxYear, { message: `年份应在 ${CALENDAR_LIMITS.minYear}–${CALENDAR_LIMITS.maxYear} 之间` });

const CalendarDate = z
  .string({ error: '请填写日期' })
  .trim()
  .refine(isCalendarDate, { message: '日期格式应为 YYYY-MM-DD，且须是真实日期' });

const DayName = z
  .string({ error: '请填写节日名称' })
  .trim()
  .min(1, { message: '请填写节日名称' })
  .max(CALENDAR_LIMITS.nameMax, { message: `名称不能超过${CALENDAR_LIMITS.nameMax}字` });

export const SetCalendarYearInput = z
  .object({
    year: Year,
    /** Days off, each with its festival: every day of each 放假 block, weekends included or not. */
    holidays: z
      .array(z.object({ date: CalendarDate, name: DayName }), { error: '请录入放假日期' })
      .min(1, { message: '请至少录入一天假日' })
      .max(CALENDAR_LIMITS.holidaysMax, { message: `假日最多${CALENDAR_LIMITS.holidaysMax}天` }),
    /** Make-up working days (补班), always a Saturday or a Sunday. */
    makeupDays: z
      .array(
        z.object({
          date: CalendarDate,
          name: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), DayName.default(MAKEUP_NAME)),
        }),
        { error: '补班日期格式不正确' },
      )
      .max(CALENDAR_LIMITS.makeupDaysMax, { message: `补班最多${CALENDAR_LIMITS.makeupDaysMax}天` })
      .default([]),
    /** The notice it comes from, e.g. 国办发明电〔2026〕7号. */
    note: z
      .string()
      .trim()
      .max(CALENDAR_LIMITS.noteMax, { message: `说明不能超过${CALENDAR_LIMITS.noteMax}字` })
      .optional(),
    /** The version this edit starts from (0 for the first entry); a stale one is a CONFLICT. */
    expectedVersion: z.number({ error: '缺少版本号' }).int().min(0),
  })
  .superRefine((v, ctx) => {
    const prefix = `${v.year}-`;
    const offDays = new Set<string>();
    v.holidays.forEach((h, i) => {
      if (!h.date.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: `日期须在 ${v.year} 年内` });
      else if (offDays.has(h.date)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: `${h.date} 重复录入` });
      offDays.add(h.date);
    });
    const makeups = new Set<string>();
    v.makeupDays.forEach((m, i) => {
      const path = ['makeupDays', i, 'date'];
      if (!m.date.startsWith(prefix)) ctx.addIssue({ code: 'custom', path, message: `日期须在 ${v.year} 年内` });
      else if (offDays.has(m.date)) ctx.addIssue({ code: 'custom', path, message: `${m.date} 不能既放假又补班` });
      else if (makeups.has(m.date)) ctx.addIssue({ code: 'custom', path, message: `${m.date} 重复录入` });
      else if (![0, 6].includes(weekdayOf(m.date))) ctx.addIssue({ code: 'custom', path, message: '补班日应为周六或周日' });
      makeups.add(m.date);
    });
  });

// ─── The contract (served by the `org` function) ──────────────────────────────────────────────

export const calendarContract = {
  /** A year's days off and make-up days with their source, and the audit of entered versions. */
  calendarYear: action<CalendarYearView>()({
    input: z.object({ year: Year }),
    roles: STAFF_ROLES,
  }),
  /** Enters (or corrects) a year's official schedule as the State Council published it. */
  setCalendarYear: action<CalendarYearView>()({
    input: SetCalendarYearInput,
    roles: ['district_commander'],
  }),
  /** Whether this year and next year have an official schedule; a warning for the workbench if not. */
  calendarStatus: action<CalendarStatus>()({
    input: z.object({}).default({}),
    roles: STAFF_ROLES,
  }),
};
