/**
 * Edits of a community's settings (catalogue, hours, roster), decided on the settings as read. Pure:
 * each returns the fields that change, or throws INVALID_INPUT on the field at fault — a window a
 * service needs, sessions that overlap, a visit longer than a slot.
 */
import { BOOKING_LIMITS, isAfterHours, type BookingRules } from '../../../types/booking.constants';
import { weekdayOf } from '../../../types/calendar';
import { invalid } from '../../core/errors';
import type { Closure, Person, Roster, ServiceDef, SessionDef, SettingsDoc, WindowDef } from './model';
import { addDays, minutesOf, overlappingSessions } from './schedule';

export interface ServiceEdit {
  id?: string;
  name: string;
  description?: string;
  materials: string[];
  minutes: number;
  windowIds: string[];
  homeVisit: boolean;
  active: boolean;
}

function assertWindows(ids: readonly string[], windows: readonly WindowDef[], path: string): void {
  const missing = ids.find((id) => !windows.some((w) => w.id === id));
  if (missing) throw invalid(path, `窗口 ${missing} 不存在，请先在营业时间中设置窗口`);
}

/** The catalogue with the service added (a new id) or replaced. */
export function withService(doc: Pick<SettingsDoc, 'services' | 'windows' | 'rules'>, edit: ServiceEdit, newId: string): ServiceDef[] {
  assertWindows(edit.windowIds, doc.windows, 'service.windowIds');
  if (edit.minutes > doc.rules.slotMinutes) throw invalid('service.minutes', `每次办理不能超过一个时段（${doc.rules.slotMinutes}分钟）`);
  if (edit.id && !doc.services.some((s) => s.id === edit.id)) throw invalid('service.id', '找不到该服务');
  const id = edit.id ?? newId;
  if (doc.services.some((s) => s.id !== id && s.name === edit.name)) throw invalid('service.name', '已有同名服务');
  const service: ServiceDef = {
    id,
    name: edit.name,
    description: edit.description ?? null,
    materials: edit.materials,
    minutes: edit.minutes,
    windowIds: [...new Set(edit.windowIds)],
    homeVisit: edit.homeVisit,
    active: edit.active,
  };
  if (!edit.id && doc.services.length >= BOOKING_LIMITS.servicesMax) throw invalid('service', `服务最多${BOOKING_LIMITS.servicesMax}项`);
  return edit.id ? doc.services.map((s) => (s.id === id ? service : s)) : [...doc.services, service];
}

export interface HoursEdit {
  windows?: WindowDef[];
  sessions?: SessionDef[];
  closures?: Closure[];
  rules?: Partial<BookingRules>;
}

/** New hours (windows, sessions, closures, rules); the roster drops duties of sessions that are gone. */
/** Active bookings from now on, in all and by the session and window they sit in. */
export interface FutureBookings {
  total: number;
  bySession: Record<string, number>;
  byWindow: Record<string, number>;
}

export const NO_FUTURE_BOOKINGS: FutureBookings = { total: 0, bySession: {}, byWindow: {} };

export function withHours(
  doc: Pick<SettingsDoc, 'windows' | 'sessions' | 'closures' | 'rules' | 'services' | 'roster'>,
  edit: HoursEdit,
  future: FutureBookings,
): Pick<SettingsDoc, 'windows' | 'sessions' | 'closures' | 'rules' | 'roster'> {
  const windows = edit.windows ?? doc.windows;
  const sessions = edit.sessions ?? doc.sessions;
  const closures = edit.closures ?? doc.closures;
  const rules: BookingRules = { ...doc.rules, ...edit.rules };

  if (new Set(windows.map((w) => w.id)).size !== windows.length) throw invalid('windows', '窗口编号不能重复');
  if (new Set(sessions.map((s) => s.id)).size !== sessions.length) throw invalid('sessions', '时段编号不能重复');
  if (new Set(closures.map((c) => c.day)).size !== closures.length) throw invalid('closures', '闭馆日期不能重复');
  sessions.forEach((s, i) => {
    assertWindows(s.windowIds, windows, `sessions.${i}.windowIds`);
    if (minutesOf(s.end) - minutesOf(s.start) < rules.slotMinutes) throw invalid(`sessions.${i}.end`, `${s.name}不足一个时段（${rules.slotMinutes}分钟）`);
  });
  doc.services.forEach((s) => {
    const missing = s.windowIds.find((id) => !windows.some((w) => w.id === id));
    if (missing) throw invalid('windows', `服务“${s.name}”还在使用窗口 ${missing}，请先修改该服务`);
    if (s.minutes > rules.slotMinutes) throw invalid('rules.slotMinutes', `服务“${s.name}”每次需${s.minutes}分钟，超过时段长度`);
  });
  const overlap = overlappingSessions(sessions);
  if (overlap) throw invalid('sessions', `“${overlap[0].name}”与“${overlap[1].name}”时间重叠`);
  // Slot ids are start times: a new slot length would cut the day differently under existing bookings.
  if (rules.slotMinutes !== doc.rules.slotMinutes && future.total > 0) throw invalid('rules.slotMinutes', `还有${future.total}个未到期的预约，暂不能修改时段长度`);
  // A booking keeps its session and window: neither may go while one is still to come.
  for (const gone of doc.sessions.filter((s) => !sessions.some((kept) => kept.id === s.id))) {
    const n = future.bySession[gone.id] ?? 0;
    if (n > 0) throw invalid('sessions', `“${gone.name}”还有${n}个未到期的预约，请先取消或改约后再删除该时段`);
  }
  for (const gone of doc.windows.filter((w) => !windows.some((kept) => kept.id === w.id))) {
    const n = future.byWindow[gone.id] ?? 0;
    if (n > 0) throw invalid('windows', `“${gone.name}”还有${n}个未到期的预约，请先取消或改约后再删除该窗口`);
  }

  const kept = new Set(sessions.filter((s) => isAfterHours(s.kind)).map((s) => s.id));
  const roster: Roster = {
    pattern: doc.roster.pattern.filter((p) => kept.has(p.sessionId)),
    days: doc.roster.days.filter((d) => kept.has(d.sessionId)),
  };
  return { windows, sessions, closures: [...closures].sort((a, b) => (a.day < b.day ? -1 : 1)), rules, roster };
}

export interface DutyEdit {
  sessionId: string;
  day?: string;
  weekday?: number;
  staff: Person | null;
}

/** Day assignments older than this are dropped on the next roster edit. */
const KEEP_PAST_DAYS = 7;

/** The roster with one duty set (a day's, or the weekly pattern's), and who had it before. */
export function withDuty(doc: Pick<SettingsDoc, 'sessions' | 'roster'>, edit: DutyEdit, today: string): { roster: Roster; previous: Person | null } {
  const session = doc.sessions.find((s) => s.id === edit.sessionId);
  if (!session) throw invalid('sessionId', '找不到该时段');
  if (!isAfterHours(session.kind)) throw invalid('sessionId', '只有延时、错时时段需要排班');
  const keepFrom = addDays(today, -KEEP_PAST_DAYS);
  const day = edit.day;
  if (day !== undefined) {
    if (day < today) throw invalid('day', '不能修改过去的值班');
    const weekday = weekdayOf(day);
    const own = doc.roster.days.find((d) => d.day === day && d.sessionId === edit.sessionId);
    const pattern = doc.roster.pattern.find((p) => p.sessionId === edit.sessionId && p.weekday === weekday);
    const previous = own ? own.staff : (pattern?.staff ?? null);
    const days = doc.roster.days.filter((d) => d.day >= keepFrom && !(d.day === day && d.sessionId === edit.sessionId));
    days.push({ day, sessionId: edit.sessionId, staff: edit.staff });
    days.sort((a, b) => (a.day === b.day ? (a.sessionId < b.sessionId ? -1 : 1) : a.day < b.day ? -1 : 1));
    return { roster: { pattern: doc.roster.pattern, days }, previous };
  }
  const weekday = edit.weekday!;
  const previous = doc.roster.pattern.find((p) => p.sessionId === edit.sessionId && p.weekday === weekday)?.staff ?? null;
  const pattern = doc.roster.pattern.filter((p) => !(p.sessionId === edit.sessionId && p.weekday === weekday));
  if (edit.staff) pattern.push({ sessionId: edit.sessionId, weekday, staff: edit.staff });
  pattern.sort((a, b) => (a.sessionId === b.sessionId ? a.weekday - b.weekday : a.sessionId < b.sessionId ? -1 : 1));
  return { roster: { pattern, days: doc.roster.days.filter((d) => d.day >= keepFrom) }, previous };
}

