/** The holiday calendar: read a year, enter a year's official schedule (区市), and the missing-schedule warning. */
import {
  weekdayOf,
  type CalendarDayView,
  type CalendarYearView,
  type HolidayScheduleDoc,
  type HolidayScheduleVersion,
  type ScheduleDay,
} from '../../../types/calendar';
import type { orgContract } from '../../../types/org';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { createCalendar, defaultYear, missingStatutory, scheduleWarning, sourceLabel, type YearSchedule } from '../../core/time/calendar';
import { forgetCalendar, holidaySchedulesRepo, loadCalendar } from '../../core/time/store';
import { shanghaiDay } from '../../core/time/workingTime';
import { WEEKDAY_LABELS } from '../../../types/time.constants';


function dayView(day: ScheduleDay, kind: CalendarDayView['kind']): CalendarDayView {
  const weekday = weekdayOf(day.date);
  return { date: day.date, weekday, weekdayLabel: WEEKDAY_LABELS[weekday], kind, name: day.name };
}

export function yearView(schedule: YearSchedule, doc: HolidayScheduleDoc | null): CalendarYearView {
  const days = [...schedule.holidays.map((d) => dayView(d, 'off')), ...schedule.makeupDays.map((d) => dayView(d, 'makeup'))];
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year: schedule.year,
    source: schedule.source,
    sourceLabel: sourceLabel(schedule.source),
    days,
    version: doc?.version ?? 0,
    note: doc?.note ?? null,
    updatedAt: doc ? doc.updatedAt.toISOString() : null,
    updatedByName: doc?.updatedBy.name ?? null,
    history: (doc?.history ?? [])
      .map((v) => ({
        version: v.version,
        at: v.at.toISOString(),
        byName: v.by.name,
        ...(v.note ? { note: v.note } : {}),
        holidayCount: v.holidays.length,
        makeupCount: v.makeupDays.length,
      }))
      .reverse(),
    missingStatutory: missingStatutory(schedule),
  };
}

/** The year as the database has it now (not the instance's cached calendar): an administrator checks what they saved. */
async function freshView(year: number): Promise<CalendarYearView> {
  const doc = await holidaySchedulesRepo.get(year);
  return yearView(doc ? createCalendar([doc]).year(year) : defaultYear(year), doc);
}

export const calendarYear: Handler<typeof orgContract.calendarYear> = ({ year }) => freshView(year);

const byDate = (a: ScheduleDay, b: ScheduleDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export const setCalendarYear: Handler<typeof orgContract.setCalendarYear> = async (input, { caller, now }) => {
  const entry: HolidayScheduleVersion = {
    version: input.expectedVersion + 1,
    holidays: input.holidays.map(({ date, name }) => ({ date, name })).sort(byDate),
    makeupDays: input.makeupDays.map(({ date, name }) => ({ date, name })).sort(byDate),
    ...(input.note ? { note: input.note } : {}),
    at: now,
    by: { openid: caller.openid, name: caller.user?.name ?? '区市指挥中心' },
  };
  if (!(await holidaySchedulesRepo.save(input.year, input.expectedVersion, entry))) {
    throw conflict(`${input.year} 年放假安排已被他人修改，请刷新后重试`);
  }
  // This instance uses the new schedule at once; others within the cache time.
  forgetCalendar();
  await loadCalendar();
  return freshView(input.year);
};

export const calendarStatus: Handler<typeof orgContract.calendarStatus> = async (_input, { now }) => {
  const calendar = await loadCalendar();
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4));
  return {
    today,
    years: [year, year + 1].map((y) => {
      const { source } = calendar.year(y);
      return { year: y, source, sourceLabel: sourceLabel(source) };
    }),
    warning: scheduleWarning(today, calendar),
  };
};
