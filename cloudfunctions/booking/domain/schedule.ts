/**
 * Opening hours as slots. Pure over the community's settings and a work calendar (core/time):
 *
 *  - a one-off closure (临时闭馆) closes the day;
 *  - a public holiday (a day off the calendar names) closes the day;
 *  - a working day — a weekday that is not off, or a 调休 make-up day on a weekend — holds the
 *    `workday` sessions (常规 and 延时); a make-up day holds them whatever their weekday filter;
 *  - a plain weekend day holds the `restday` sessions (错时) of its weekday.
 *
 * A session is cut into slots of `slotMinutes` (only whole slots). An after-hours session (延时/错时)
 * offers its slots only when somebody is on duty (轮值坐班), by the day's own assignment or else the
 * weekly pattern.
 */
import { isAfterHours } from '../../../types/booking.constants';
import { weekdayOf } from '../../../types/calendar';
import type { WorkCalendar } from '../../core/time/calendar';
import type { Person, Roster, SessionDef, SettingsDoc } from './model';

export type Calendar = Pick<WorkCalendar, 'isWorkday' | 'holidayName'>;
export type Schedule = Pick<SettingsDoc, 'sessions' | 'closures' | 'rules' | 'roster'>;

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

export interface SlotDef {
  /** 'YYYYMMDD-HHmm' */
  id: string;
  day: string;
  start: Date;
  end: Date;
  session: SessionDef;
}

export interface DayPlan {
  day: string;
  /** Why the day is closed (the closure's reason, the holiday's name), or null. */
  closed: string | null;
  makeup: boolean;
  sessions: SessionDef[];
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The instant of `HH:mm` on `day` in Asia/Shanghai. */
export const instantOf = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/** 'YYYY-MM-DD' of the Shanghai day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export const slotIdOf = (day: string, time: string) => `${day.replace(/-/g, '')}-${time.replace(':', '')}`;

export function parseSlotId(id: string): { day: string; time: string } | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(id);
  return m ? { day: `${m[1]}-${m[2]}-${m[3]}`, time: `${m[4]}:${m[5]}` } : null;
}

const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day));

/** Which sessions a day holds, or why it is closed. */
export function planOf(day: string, schedule: Pick<Schedule, 'sessions' | 'closures'>, calendar: Calendar): DayPlan {
  const closure = schedule.closures.find((c) => c.day === day);
  if (closure) return { day, closed: closure.reason, makeup: false, sessions: [] };
  const workday = calendar.isWorkday(day);
  const makeup = workday && isWeekend(day);
  if (!workday) {
    const holiday = calendar.holidayName(day);
    if (holiday) return { day, closed: holiday, makeup: false, sessions: [] };
  }
  const weekday = weekdayOf(day);
  const sessions = schedule.sessions.filter((s) => {
    if (s.days !== (workday ? 'workday' : 'restday')) return false;
    return makeup || s.weekdays.length === 0 || s.weekdays.includes(weekday);
  });
  return { day, closed: null, makeup, sessions: [...sessions].sort((a, b) => (a.start < b.start ? -1 : 1)) };
}

export interface Duty {
  staff: Person[];
  source: 'day' | 'pattern' | 'none';
}

/** Who is on duty in a session on a day: the day's own assignment, else the weekly pattern. */
export function dutyOf(roster: Roster, day: string, sessionId: string): Duty {
  const own = roster.days.find((d) => d.day === day && d.sessionId === sessionId);
  if (own) return { staff: own.staff ? [own.staff] : [], source: 'day' };
  const weekday = weekdayOf(day);
  const pattern = roster.pattern.filter((p) => p.sessionId === sessionId && p.weekday === weekday).map((p) => p.staff);
  return pattern.length > 0 ? { staff: pattern, source: 'pattern' } : { staff: [], source: 'none' };
}

/** The whole slots a session is cut into. */
export function sessionSlots(day: string, session: SessionDef, slotMinutes: number): SlotDef[] {
  const out: SlotDef[] = [];
  const end = minutesOf(session.end);
  for (let t = minutesOf(session.start); t + slotMinutes <= end; t += slotMinutes) {
    const time = hhmm(t);
    const start = instantOf(day, time);
    out.push({ id: slotIdOf(day, time), day, start, end: new Date(start.getTime() + slotMinutes * MINUTE), session });
  }
  return out;
}

/** The slots a day offers: its sessions' slots, after-hours ones only with somebody on duty. */
export function slotsOfDay(day: string, schedule: Schedule, calendar: Calendar): { plan: DayPlan; slots: SlotDef[] } {
  const plan = planOf(day, schedule, calendar);
  const slots = plan.sessions
    .filter((s) => !isAfterHours(s.kind) || dutyOf(schedule.roster, day, s.id).staff.length > 0)
    .flatMap((s) => sessionSlots(day, s, schedule.rules.slotMinutes));
  return { plan, slots };
}

/** The slot of an id if the schedule offers it (open day, staffed session), else null. */
export function slotOf(slotId: string, schedule: Schedule, calendar: Calendar): SlotDef | null {
  const parsed = parseSlotId(slotId);
  if (!parsed) return null;
  return slotsOfDay(parsed.day, schedule, calendar).slots.find((s) => s.id === slotId) ?? null;
}

/** The days residents may book: today (Asia/Shanghai) and the next `horizon - 1`. */
export function horizonDays(today: string, horizon: number): string[] {
  return Array.from({ length: horizon }, (_, i) => addDays(today, i));
}

/** Why a slot cannot be booked now (past, too soon, too far ahead), or null. */
export function tooSoonOrLate(slot: Pick<SlotDef, 'start' | 'day'>, now: Date, today: string, minNoticeMinutes: number, horizon: number): string | null {
  if (slot.start.getTime() <= now.getTime()) return '该时段已过，请选择其他时段';
  if (slot.start.getTime() - now.getTime() < minNoticeMinutes * MINUTE) return `请至少提前${noticeLabel(minNoticeMinutes)}预约`;
  if (slot.day > addDays(today, horizon - 1)) return `只能预约${horizon}天内的时段`;
  return null;
}

export function noticeLabel(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}天`;
  if (minutes % 60 === 0) return `${minutes / 60}小时`;
  return `${minutes}分钟`;
}

/** 'HH:mm–HH:mm' of a slot in Shanghai. */
export function slotLabel(slot: { start: Date; end: Date }): string {
  const t = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return `${t(slot.start)}–${t(slot.end)}`;
}

/** Sessions that overlap on some day: same `days`, a weekday in common, intersecting times. */
export function overlappingSessions(sessions: readonly SessionDef[]): [SessionDef, SessionDef] | null {
  for (let i = 0; i < sessions.length; i++) {
    for (let j = i + 1; j < sessions.length; j++) {
      const a = sessions[i];
      const b = sessions[j];
      if (a.days !== b.days) continue;
      const sameDays = a.weekdays.length === 0 || b.weekdays.length === 0 || a.weekdays.some((w) => b.weekdays.includes(w));
      // Workday sessions all meet on a make-up day, whatever their weekdays.
      if (!sameDays && a.days !== 'workday') continue;
      if (a.start < b.end && b.start < a.end) return [a, b];
    }
  }
  return null;
}
