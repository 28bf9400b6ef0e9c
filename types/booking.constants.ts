/**
 * 不打烊服务 — booking: states, session kinds, the five-level rating (好差评), defaults and the view
 * types. Zod-free, so app pages can import them without bundling zod; `booking.ts` re-exports all of it.
 */
import type { Role } from './contract';
import type { OrgLevel } from './org.constants';

// ─── Opening hours ────────────────────────────────────────────────────────────────────────────

/** 常规: office hours; 延时: after hours on working days (e.g. 18:00–20:00); 错时: on rest days (e.g. Saturday morning). */
export const SESSION_KINDS = ['regular', 'extended', 'staggered'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = { regular: '常规', extended: '延时', staggered: '错时' };

/**
 * Which days a session is held on, by the holiday calendar: `workday` — every working day (调休
 * make-up days included); `restday` — weekends that are not public holidays. Public holidays close all.
 */
export const SESSION_DAYS = ['workday', 'restday'] as const;
export type SessionDays = (typeof SESSION_DAYS)[number];
export const SESSION_DAYS_LABELS: Record<SessionDays, string> = { workday: '工作日', restday: '休息日' };

export const isAfterHours = (kind: SessionKind): boolean => kind !== 'regular';

// ─── Bookings ─────────────────────────────────────────────────────────────────────────────────

export const BOOKING_STATUSES = ['pending_approval', 'booked', 'checked_in', 'served', 'no_show', 'cancelled', 'rejected'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending_approval: '待审核',
  booked: '已预约',
  checked_in: '已签到',
  served: '已办结',
  no_show: '爽约',
  cancelled: '已取消',
  rejected: '未通过审核',
};
/** A booking that still holds its seat and counts against the resident's limits. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['pending_approval', 'booked', 'checked_in'];

/** Asked for on the 确认预约 tap (at most three): the reminders, a change by the community, the rating prompt. */
export const BOOKING_SUBSCRIPTIONS = ['bookingReminder', 'bookingChanged', 'bookingServed'] as const;

/** What a booking's QR code says: the 6-digit 预约码 behind a prefix, so the front desk's scanner tells it from a building's code. */
export const bookingScanText = (code: string): string => `jiayuan:booking:${code}`;

/** The 预约码 in a scanned text (the QR's text, or the six digits typed or printed), else null. */
export function codeFromScan(text: string): string | null {
  const match = /^(?:jiayuan:booking:)?(\d{6})$/.exec(text.trim());
  return match ? match[1] : null;
}

export const BOOKING_MODES = ['window', 'home'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];
export const BOOKING_MODE_LABELS: Record<BookingMode, string> = { window: '窗口办理', home: '上门服务' };

/** Who may ask for 上门服务. */
export const HOME_REASONS = ['elderly', 'disabled'] as const;
export type HomeReason = (typeof HOME_REASONS)[number];
export const HOME_REASON_LABELS: Record<HomeReason, string> = { elderly: '高龄老人', disabled: '残疾人' };

export const BOOKING_CHANNELS = ['online', 'phone'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];
export const BOOKING_CHANNEL_LABELS: Record<BookingChannel, string> = { online: '线上预约', phone: '电话预约' };

// ─── 好差评: five levels ───────────────────────────────────────────────────────────────────────

export const BOOKING_RATINGS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type BookingRating = (typeof BOOKING_RATINGS)[number];
export const BOOKING_RATING_LABELS: Record<BookingRating, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};
/** 差评: the community must answer within a working day. */
export const NEGATIVE_RATINGS: readonly BookingRating[] = ['dissatisfied', 'very_dissatisfied'];
export const isNegative = (rating: BookingRating): boolean => NEGATIVE_RATINGS.includes(rating);

// ─── Limits and defaults ──────────────────────────────────────────────────────────────────────

export const BOOKING_LIMITS = {
  nameMax: 20,
  materialMax: 60,
  materialsMax: 20,
  descriptionMax: 200,
  noteMax: 200,
  commentMax: 200,
  answerMax: 300,
  addressMax: 80,
  servicesMax: 40,
  windowsMax: 10,
  sessionsMax: 20,
  closuresMax: 60,
  /** Residents see and book slots this many days ahead (today included). */
  horizonDays: 14,
  /** A no-show is counted over this many days. */
  noShowWindowDays: 30,
  /** The evening reminder goes out at this time the day before (Asia/Shanghai). */
  eveningReminder: '19:00',
  /** The second reminder, this many minutes before the start. */
  hourReminderMinutes: 60,
} as const;

/** A community's booking rules; each is configurable in its settings. */
export interface BookingRules {
  /** Length of one slot; every service fits in it (minutes per visit ≤ slot). */
  slotMinutes: number;
  /** 最短提前: a slot is offered only this long before it starts. */
  minNoticeMinutes: number;
  /** Cancel and reschedule up to this long before the start. */
  cutoffMinutes: number;
  /** Active bookings one resident may hold at once. */
  maxActive: number;
  /** After this many no-shows in 30 days, a booking waits for staff approval. */
  noShowLimit: number;
}

export const DEFAULT_BOOKING_RULES: BookingRules = { slotMinutes: 30, minNoticeMinutes: 60, cutoffMinutes: 120, maxActive: 3, noShowLimit: 2 };

export const RULE_BOUNDS: Record<keyof BookingRules, { min: number; max: number; label: string }> = {
  slotMinutes: { min: 10, max: 120, label: '每个时段分钟数' },
  minNoticeMinutes: { min: 0, max: 7 * 24 * 60, label: '最短提前预约分钟数' },
  cutoffMinutes: { min: 0, max: 7 * 24 * 60, label: '取消改约截止分钟数' },
  maxActive: { min: 1, max: 20, label: '每人同时有效预约数' },
  noShowLimit: { min: 1, max: 20, label: '爽约次数上限' },
};

/** Who may work the front desk (day view, check in, serve, phone booking) and take a duty. */
export const FRONT_DESK_ROLES: readonly Role[] = ['community_staff', 'grid_worker'];
/** Who may edit a community's catalogue, hours, roster and answer 差评. */
export const SETTINGS_ROLES: readonly Role[] = ['community_staff'];

export const BOOKING_COMMANDS = ['cancel', 'reschedule', 'rate', 'checkIn', 'serve', 'noShow', 'approve', 'answer'] as const;
export type BookingCommand = (typeof BOOKING_COMMANDS)[number];

// ─── Views (dates are ISO strings on the wire) ────────────────────────────────────────────────

export interface WindowView {
  id: string;
  name: string;
}

export interface ServiceView {
  id: string;
  name: string;
  description: string | null;
  /** 材料清单 */
  materials: string[];
  minutes: number;
  windowIds: string[];
  /** 上门服务 for elderly or disabled residents. */
  homeVisit: boolean;
  active: boolean;
}

export interface SessionView {
  id: string;
  name: string;
  kind: SessionKind;
  kindLabel: string;
  days: SessionDays;
  /** 0 = Sunday … 6 = Saturday; empty: every day of `days`. */
  weekdays: number[];
  start: string;
  end: string;
  windowIds: string[];
}

export interface CommunityRef {
  id: string;
  name: string;
  phone: string | null;
}

/** Services of a community, for residents. */
export interface CommunityServices {
  community: CommunityRef;
  services: ServiceView[];
  sessions: SessionView[];
}

export interface SlotView {
  /** 'YYYYMMDD-HHmm' (Asia/Shanghai): what `book` takes. */
  id: string;
  start: string;
  end: string;
  /** 'HH:mm–HH:mm' */
  label: string;
  kind: SessionKind;
  kindLabel: string;
  /** How many more visits of this service fit. */
  left: number;
}

export interface SlotDay {
  day: string;
  weekdayLabel: string;
  /** Why nothing is offered that day: 国庆节, 临时闭馆…; null on an open day. */
  closed: string | null;
  /** The day is a 调休 make-up working day. */
  makeup: boolean;
  slots: SlotView[];
}

export interface ServiceSlots {
  community: CommunityRef;
  service: ServiceView;
  days: SlotDay[];
}

export interface BookingView {
  id: string;
  /** 预约码: shown at the window. */
  code: string;
  /** The 预约码 as a QR code (PNG data URL) while the booking can still be checked in, else null. */
  codeQr: string | null;
  version: number;
  status: BookingStatus;
  statusLabel: string;
  channel: BookingChannel;
  channelLabel: string;
  community: CommunityRef;
  service: { id: string; name: string; minutes: number; materials: string[] };
  slot: { id: string; day: string; start: string; end: string; label: string; kind: SessionKind; kindLabel: string; afterHours: boolean };
  window: WindowView;
  mode: BookingMode;
  modeLabel: string;
  home: { reason: HomeReason; reasonLabel: string; address: string } | null;
  /** The resident; the phone is masked to staff who do not need it. */
  resident: { name: string; phone: string | null };
  note: string | null;
  createdAt: string;
  checkedInAt: string | null;
  served: { at: string; byName: string; note: string } | null;
  cancelled: { at: string; byName: string; reason: string | null } | null;
  rating: { value: BookingRating; label: string; comment: string | null; at: string } | null;
  /** A 差评's answer from the community, and when it was due. */
  complaint: { dueAt: string; answer: string | null; answeredAt: string | null; overdue: boolean } | null;
  isOwner: boolean;
  /** Until this instant the resident may cancel or reschedule. */
  changeUntil: string;
  can: Record<BookingCommand, boolean>;
}

export type BookingSummary = Pick<
  BookingView,
  'id' | 'code' | 'version' | 'status' | 'statusLabel' | 'community' | 'slot' | 'window' | 'mode' | 'channel' | 'rating' | 'createdAt'
> & { serviceName: string; residentName: string };

export interface DayWindow {
  window: WindowView;
  bookings: BookingSummary[];
}

export interface DayDuty {
  sessionId: string;
  sessionName: string;
  label: string;
  staff: Array<{ openid: string; name: string }>;
}

export interface DayView {
  community: CommunityRef;
  day: string;
  closed: string | null;
  duties: DayDuty[];
  windows: DayWindow[];
  counts: Record<BookingStatus, number>;
}

export interface DutyView {
  day: string;
  weekdayLabel: string;
  sessionId: string;
  sessionName: string;
  label: string;
  staff: Array<{ openid: string; name: string }>;
  /** From a day's own assignment, the weekly pattern, or nobody. */
  source: 'day' | 'pattern' | 'none';
}

export interface BookingSettingsView {
  community: CommunityRef;
  windows: WindowView[];
  sessions: SessionView[];
  closures: Array<{ day: string; reason: string }>;
  services: ServiceView[];
  rules: BookingRules;
  pattern: Array<{ sessionId: string; weekday: number; staff: { openid: string; name: string } }>;
  /** After-hours duties of the next 14 days, as the roster stands. */
  duties: DutyView[];
  /** Who may be put on duty: current community staff and the community's grid workers. */
  dutyStaff: Array<{ openid: string; name: string; role: Role }>;
  updatedAt: string | null;
  updatedByName: string | null;
  /** Send back with an edit: a change made meanwhile by someone else is a CONFLICT, not lost. */
  version: number;
}

export interface ComplaintItem {
  bookingId: string;
  code: string;
  serviceName: string;
  residentName: string;
  rating: BookingRating;
  ratingLabel: string;
  comment: string | null;
  ratedAt: string;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
  overdue: boolean;
  communityName: string;
}

export interface BookingCounts {
  /** Bookings made (cancelled ones included). */
  bookings: number;
  cancelled: number;
  served: number;
  noShow: number;
  /** Bookings (not cancelled) in 延时/错时 sessions. */
  afterHours: number;
  /** Sum of minutes from booking to being served, over served bookings. */
  waitMinutes: number;
  rated: number;
  complaints: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
}

export interface BookingRates {
  /** no-show ÷ (served + no-show). */
  noShow: number | null;
  /** after-hours ÷ (bookings − cancelled). */
  afterHoursShare: number | null;
  /** Average minutes from booking to service. */
  averageWaitMinutes: number | null;
  /** (非常满意 + 满意 + 基本满意) ÷ rated. */
  satisfaction: number | null;
  /** 差评 answered within a working day ÷ 差评. */
  answeredOnTime: number | null;
}

export interface BookingDashboard {
  unit: { id: string; name: string; level: OrgLevel };
  from: string;
  to: string;
  totals: BookingCounts;
  rates: BookingRates;
  ratings: Record<BookingRating, number>;
  children: Array<{ id: string; name: string; counts: BookingCounts; rates: BookingRates }>;
}
