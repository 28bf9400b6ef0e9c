/** 限期办结制: the response and resolution clocks of a category, in working time. */
import { APPEAL_CATEGORIES, type AppealCategory, type DueState } from '../../../types/appeals';
import { addWorkingMinutes, defaultSchedule, workDayMinutes, type WorkSchedule } from '../../core/time/workingTime';

export interface Clock {
  dueAt: Date;
  /** When staff start seeing 即将超期: the last quarter of the budget, at most 4 working hours. */
  warnAt: Date;
}

export const WARN_FRACTION = 0.25;
export const WARN_MAX_MINUTES = 240;

export function respondBudgetMinutes(category: AppealCategory): number {
  return APPEAL_CATEGORIES[category].respondHours * 60;
}

export function resolveBudgetMinutes(category: AppealCategory, schedule: WorkSchedule = defaultSchedule): number {
  return APPEAL_CATEGORIES[category].resolveDays * workDayMinutes(schedule);
}

export function clock(from: Date, budgetMinutes: number, schedule: WorkSchedule = defaultSchedule): Clock {
  const lead = Math.min(Math.round(budgetMinutes * WARN_FRACTION), WARN_MAX_MINUTES);
  return {
    dueAt: addWorkingMinutes(from, budgetMinutes, schedule),
    warnAt: addWorkingMinutes(from, budgetMinutes - lead, schedule),
  };
}

export function respondClock(category: AppealCategory, from: Date, schedule: WorkSchedule = defaultSchedule): Clock {
  return clock(from, respondBudgetMinutes(category), schedule);
}

export function resolveClock(category: AppealCategory, from: Date, schedule: WorkSchedule = defaultSchedule): Clock {
  return clock(from, resolveBudgetMinutes(category, schedule), schedule);
}

export function dueState(dueAt: Date | null, warnAt: Date | null, now: Date): DueState | null {
  if (!dueAt) return null;
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  if (warnAt && now.getTime() >= warnAt.getTime()) return 'dueSoon';
  return 'ok';
}
