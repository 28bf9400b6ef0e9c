/** Booking as the domain sees it: plain data, no I/O. The repositories map it to the collections. */
import {
  DEFAULT_BOOKING_RULES,
  type BookingChannel,
  type BookingMode,
  type BookingRating,
  type BookingRules,
  type BookingStatus,
  type HomeReason,
  type SessionDays,
  type SessionKind,
} from '../../../types/booking.constants';
import type { Screening } from '../../../types/contract';
import type { NotifyEffect } from '../../core/commands/runner';
import type { Versioned } from '../../core/commands/versioned';
import type { Subject } from '../../core/auth/jurisdiction';

export interface Person {
  openid: string;
  name: string;
}

/** Who acts: the rights subject with a name. */
export interface Actor extends Subject {
  name: string;
}

// ─── Settings: one versioned document per community ───────────────────────────────────────────

export interface WindowDef {
  id: string;
  name: string;
}

export interface ServiceDef {
  id: string;
  name: string;
  description: string | null;
  materials: string[];
  /** Minutes of window time one visit takes (≤ the slot length). */
  minutes: number;
  /** Windows that serve it in regular hours; in 延时/错时 sessions every open window serves everything (一窗通办). */
  windowIds: string[];
  homeVisit: boolean;
  active: boolean;
}

export interface SessionDef {
  id: string;
  name: string;
  kind: SessionKind;
  days: SessionDays;
  /** Narrows `days` to these weekdays (0 = Sunday); empty: all. Make-up working days ignore it. */
  weekdays: number[];
  start: string;
  end: string;
  windowIds: string[];
}

export interface Closure {
  day: string;
  reason: string;
}

/** 轮值坐班: a weekly pattern per session and weekday, and a day's own assignment over it. */
export interface Roster {
  pattern: Array<{ sessionId: string; weekday: number; staff: Person }>;
  /** `staff: null` — nobody that day (the session offers no slots). */
  days: Array<{ day: string; sessionId: string; staff: Person | null }>;
}

export interface SettingsDoc extends Versioned<NotifyEffect> {
  _id: string;
  communityId: string;
  windows: WindowDef[];
  sessions: SessionDef[];
  closures: Closure[];
  services: ServiceDef[];
  rules: BookingRules;
  roster: Roster;
  updatedAt: Date | null;
  updatedBy: Person | null;
}

export const settingsId = (communityId: string) => `bs_${communityId}`;

export function blankSettings(communityId: string): SettingsDoc {
  return {
    _id: settingsId(communityId),
    communityId,
    windows: [],
    sessions: [],
    closures: [],
    services: [],
    rules: { ...DEFAULT_BOOKING_RULES },
    roster: { pattern: [], days: [] },
    updatedAt: null,
    updatedBy: null,
    version: 0,
    effects: [],
    effectsPending: false,
  };
}

// ─── Slots: one versioned document per community and slot start, holding its seats ────────────

/**
 * A seat taken in a slot: `minutes` of one window's time. `ref` names the attempt that took it
 * (`<bookingId>@<booking version>`, version 0 for a new booking); the booking holds it while its
 * `holdRef` is the same. `checked`: the hold sweep confirmed a booking holds it.
 */
export interface Hold {
  ref: string;
  bookingId: string;
  windowId: string;
  minutes: number;
  at: Date;
  checked: boolean;
}

export interface SlotDoc extends Versioned<NotifyEffect> {
  _id: string;
  communityId: string;
  day: string;
  slotId: string;
  holds: Hold[];
  /** When the hold sweep must look at unchecked holds; null when all are checked. */
  checkAt: Date | null;
}

/** 'c-haian' + '20261010-1800' → 'sl_c-haian_20261010-1800'. */
export const slotDocId = (communityId: string, slotId: string) => `sl_${communityId}_${slotId}`;

export function parseSlotDocId(id: string): { communityId: string; slotId: string } | null {
  const m = /^sl_(.+)_(\d{8}-\d{4})$/.exec(id);
  return m ? { communityId: m[1], slotId: m[2] } : null;
}

export const holdRef = (bookingId: string, version: number) => `${bookingId}@${version}`;

// ─── Bookings ─────────────────────────────────────────────────────────────────────────────────

/** A resident with a WeChat account, or a caller booked by phone (no account). */
export type Owner = { kind: 'wechat'; openid: string; name: string; phone: string | null } | { kind: 'phone'; name: string; phone: string };

export const ownerKey = (o: Owner) => (o.kind === 'wechat' ? o.openid : `tel:${o.phone}`);

export interface BookingSlot {
  slotId: string;
  day: string;
  start: Date;
  end: Date;
  sessionId: string;
  sessionKind: SessionKind;
  windowId: string;
  windowName: string;
}

export type LogKind = 'booked' | 'approved' | 'rejected' | 'rescheduled' | 'cancelled' | 'checked_in' | 'served' | 'no_show' | 'rated' | 'answered' | 'overdue' | 'reminded';

export interface LogEntry {
  at: Date;
  kind: LogKind;
  by: string;
  text: string | null;
}

/** Flat numbers the dashboard sums (domain/metrics.ts), kept in the same write as the state. */
export interface Metrics {
  counted: number;
  cancelled: number;
  served: number;
  noShow: number;
  afterHours: number;
  waitMinutes: number;
  rated: number;
  complaints: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  r_very_satisfied: number;
  r_satisfied: number;
  r_basically_satisfied: number;
  r_dissatisfied: number;
  r_very_dissatisfied: number;
}

export interface Complaint {
  at: Date;
  dueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: Person | null;
  overdue: boolean;
}

export type BookingEffect =
  | NotifyEffect
  /** Gives a seat back: the hold `ref` in slot document `slotDocId`. */
  | { id: string; kind: 'release'; slotDocId: string; ref: string };

export interface BookingDoc extends Versioned<BookingEffect> {
  _id: string;
  requestId: string;
  /** `void`: a tombstone the hold sweep wrote for an attempt that never finished. */
  status: BookingStatus | 'void';
  owner: Owner;
  ownerKey: string;
  channel: BookingChannel;
  takenBy: Person | null;
  communityId: string;
  communityName: string;
  communityPhone: string | null;
  streetId: string;
  districtId: string;
  service: { id: string; name: string; minutes: number; materials: string[] };
  mode: BookingMode;
  home: { reason: HomeReason; address: string } | null;
  note: string | null;
  slot: BookingSlot;
  afterHours: boolean;
  /** The slot document holding its seat, and the hold's ref there. */
  slotDocId: string;
  holdRef: string | null;
  /** 预约码: unique per community (an index). */
  code: string;
  /** `<owner>|<service>|<day>` while active, else `x:<id>`: one active booking per service and day (a unique index). */
  activeKey: string;
  /** `<owner>#<n>` for n < maxActive while active, else `x:<id>`: at most maxActive at once (a unique index). */
  quotaKey: string;
  needsApproval: boolean;
  /** The resident may cancel or reschedule until then (the cut-off in force when booked). */
  changeUntil: Date;
  createdAt: Date;
  checkedInAt: Date | null;
  served: { at: Date; by: Person; note: string } | null;
  noShowAt: Date | null;
  cancelled: { at: Date; by: Person; reason: string | null } | null;
  /** The next reminder: when, and which. */
  remindAt: Date | null;
  remindStage: 'evening' | 'hour' | null;
  rating: { value: BookingRating; comment: string | null; at: Date; screening: Screening } | null;
  complaint: Complaint | null;
  /** The 差评's deadline while unanswered and not yet marked overdue: the escalation timer's field. */
  complaintDueAt: Date | null;
  /** 'open' while a 差评 waits for its answer, 'closed' once answered; null without one. */
  complaintState: 'open' | 'closed' | null;
  log: LogEntry[];
  m: Metrics;
  version: number;
}

export const isActive = (b: Pick<BookingDoc, 'status'>): boolean => b.status === 'pending_approval' || b.status === 'booked' || b.status === 'checked_in';

export const activeKeyOf = (ownerKeyValue: string, serviceId: string, day: string) => `${ownerKeyValue}|${serviceId}|${day}`;
export const quotaKeyOf = (ownerKeyValue: string, n: number) => `${ownerKeyValue}#${n}`;
export const releasedKey = (id: string) => `x:${id}`;
