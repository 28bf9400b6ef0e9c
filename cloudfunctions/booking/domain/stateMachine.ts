/**
 * A booking's life as pure transitions: each takes the booking as it is and returns what changes,
 * or throws CONFLICT when the command does not fit its state (nothing is written then).
 *
 *   pending_approval ──approve──▶ booked ──checkIn──▶ checked_in ──serve──▶ served ──rate──▶ (差评 → answer / overdue)
 *          │ └──reject──▶ rejected   │ │                  └──────serve──────────┘
 *          └──────cancel─────────────┴─┴──cancel──▶ cancelled        booked ──noShow (after the start)──▶ no_show
 *
 * A booking that stops being active gives back its keys (one per service and day, the resident's
 * quota) and, when cancelled or rejected, its seat (`release`).
 */
import { BOOKING_RATING_LABELS, isNegative, type BookingRating } from '../../../types/booking.constants';
import type { Screening } from '../../../types/contract';
import { conflict } from '../../core/errors';
import { addWorkingMinutes, defaultSchedule, formatShanghai, workDayMinutes, type WorkSchedule } from '../../core/time/workingTime';
import { activeKeyOf, holdRef as refOf, releasedKey, type BookingDoc, type BookingSlot, type LogEntry, type LogKind, type Person } from './model';
import { dueReminder, remindersFor, type Next } from './reminders';

export type TransitionKind =
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'reschedule'
  | 'checkIn'
  | 'serve'
  | 'noShow'
  | 'rate'
  | 'answer'
  | 'overdue'
  | 'remind'
  | 'touch';

export interface Transition {
  kind: TransitionKind;
  patch: Partial<BookingDoc>;
  log: LogEntry[];
  /** The seat to give back after the write: the slot document and the hold's ref. */
  release?: { slotDocId: string; ref: string };
  /** Who acted: never told about their own action. */
  by: Person | null;
  /** For `cancel`: whether staff did it (the resident is told). */
  byStaff?: boolean;
  /** For `remind`: which reminder. */
  stage?: 'evening' | 'hour';
}

export interface Ctx {
  now: Date;
  schedule?: WorkSchedule;
}

const entry = (at: Date, kind: LogKind, by: string, text: string | null = null): LogEntry => ({ at, kind, by, text });

/** A booking that stops holding its place gives back its per-day and quota keys. */
const freeKeys = (b: BookingDoc): Partial<BookingDoc> => ({ activeKey: releasedKey(b._id), quotaKey: releasedKey(b._id) });
const NO_REMINDER: Next = { remindAt: null, remindStage: null };
const dayLabel = (day: string) => formatShanghai(new Date(`${day}T12:00:00+08:00`), 'M月D日');

function stateError(b: BookingDoc, what: string): Error {
  switch (b.status) {
    case 'cancelled':
      return conflict(`该预约已取消，不能${what}`);
    case 'rejected':
      return conflict(`该预约未通过审核，不能${what}`);
    case 'served':
      return conflict(`该预约已办结，不能${what}`);
    case 'no_show':
      return conflict(`该预约已记爽约，不能${what}`);
    case 'pending_approval':
      return conflict(`该预约尚未通过审核，不能${what}`);
    case 'checked_in':
      return conflict(`该预约已签到，不能${what}`);
    default:
      return conflict(`该预约当前不能${what}`);
  }
}

export function approve(b: BookingDoc, actor: Person, ctx: Ctx): Transition {
  if (b.status !== 'pending_approval') throw b.status === 'booked' ? conflict('该预约已通过审核') : stateError(b, '审核');
  const after = { ...b, status: 'booked' as const };
  return {
    kind: 'approve',
    patch: { status: 'booked', ...remindersFor(after, ctx.now) },
    log: [entry(ctx.now, 'approved', actor.name)],
    by: actor,
  };
}

export function reject(b: BookingDoc, actor: Person, reason: string | null, ctx: Ctx): Transition {
  if (b.status !== 'pending_approval') throw stateError(b, '审核');
  return {
    kind: 'reject',
    patch: { status: 'rejected', ...freeKeys(b), ...NO_REMINDER, holdRef: null, cancelled: { at: ctx.now, by: actor, reason } },
    log: [entry(ctx.now, 'rejected', actor.name, reason)],
    release: b.holdRef ? { slotDocId: b.slotDocId, ref: b.holdRef } : undefined,
    by: actor,
  };
}

/** The resident until the cut-off; staff until it is served or marked. */
export function cancel(b: BookingDoc, actor: Person, asStaff: boolean, reason: string | null, ctx: Ctx): Transition {
  if (b.status === 'cancelled') throw conflict('该预约已取消');
  if (b.status !== 'booked' && b.status !== 'pending_approval' && !(asStaff && b.status === 'checked_in')) throw stateError(b, '取消');
  if (!asStaff && ctx.now.getTime() > b.changeUntil.getTime()) {
    throw conflict(`已过取消截止时间（${formatShanghai(b.changeUntil, 'M月D日 HH:mm')}），如需取消请联系社区`);
  }
  return {
    kind: 'cancel',
    patch: { status: 'cancelled', ...freeKeys(b), ...NO_REMINDER, holdRef: null, cancelled: { at: ctx.now, by: actor, reason } },
    log: [entry(ctx.now, 'cancelled', actor.name, reason)],
    release: b.holdRef ? { slotDocId: b.slotDocId, ref: b.holdRef } : undefined,
    by: actor,
    byStaff: asStaff,
  };
}

/** Checks whether a booking may be moved now (before a new seat is taken for it). */
export function assertCanReschedule(b: BookingDoc, asStaff: boolean, now: Date): void {
  if (b.status !== 'booked' && b.status !== 'pending_approval') throw stateError(b, '改约');
  if (!asStaff && now.getTime() > b.changeUntil.getTime()) {
    throw conflict(`已过改约截止时间（${formatShanghai(b.changeUntil, 'M月D日 HH:mm')}），如需改约请联系社区`);
  }
}

export interface NewPlace {
  slot: BookingSlot;
  slotDocId: string;
  afterHours: boolean;
  changeUntil: Date;
}

/** Moves the booking to a seat already taken for it (hold ref `<id>@<version>`), giving the old one back. */
export function reschedule(b: BookingDoc, actor: Person, asStaff: boolean, to: NewPlace, ctx: Ctx): Transition {
  assertCanReschedule(b, asStaff, ctx.now);
  const moved = { ...b, slot: to.slot };
  return {
    kind: 'reschedule',
    patch: {
      slot: to.slot,
      slotDocId: to.slotDocId,
      afterHours: to.afterHours,
      changeUntil: to.changeUntil,
      holdRef: refOf(b._id, b.version),
      activeKey: activeKeyOf(b.ownerKey, b.service.id, to.slot.day),
      ...remindersFor(moved, ctx.now),
    },
    log: [entry(ctx.now, 'rescheduled', actor.name, `由${dayLabel(b.slot.day)} ${b.slot.windowName}改至${dayLabel(to.slot.day)}`)],
    release: b.holdRef ? { slotDocId: b.slotDocId, ref: b.holdRef } : undefined,
    by: actor,
    byStaff: asStaff,
  };
}

export function checkIn(b: BookingDoc, actor: Person, today: string, ctx: Ctx): Transition {
  if (b.status !== 'booked') throw stateError(b, '签到');
  if (b.slot.day !== today) throw conflict(`该预约是${dayLabel(b.slot.day)}的，不能今天签到`);
  return { kind: 'checkIn', patch: { status: 'checked_in', checkedInAt: ctx.now, ...NO_REMINDER }, log: [entry(ctx.now, 'checked_in', actor.name)], by: actor };
}

export function serve(b: BookingDoc, actor: Person, note: string, today: string, ctx: Ctx): Transition {
  if (b.status !== 'booked' && b.status !== 'checked_in') throw stateError(b, '办结');
  if (b.slot.day > today) throw conflict('预约日期未到，不能办结');
  return {
    kind: 'serve',
    patch: { status: 'served', served: { at: ctx.now, by: actor, note }, ...freeKeys(b), ...NO_REMINDER },
    log: [entry(ctx.now, 'served', actor.name, note)],
    by: actor,
  };
}

export function noShow(b: BookingDoc, actor: Person, ctx: Ctx): Transition {
  if (b.status !== 'booked') throw stateError(b, '记爽约');
  if (ctx.now.getTime() < b.slot.start.getTime()) throw conflict('预约时间未到，不能记爽约');
  return { kind: 'noShow', patch: { status: 'no_show', noShowAt: ctx.now, ...freeKeys(b), ...NO_REMINDER }, log: [entry(ctx.now, 'no_show', actor.name)], by: actor };
}

/** 好差评. A 差评 must be answered by the community within one working day (core/time). */
export function rate(b: BookingDoc, actor: Person, value: BookingRating, comment: string | null, screening: Screening, ctx: Ctx): Transition {
  if (b.rating) throw conflict('您已评价过该次服务');
  if (b.status !== 'served') throw conflict('办结后才能评价');
  const schedule = ctx.schedule ?? defaultSchedule;
  const negative = isNegative(value);
  const dueAt = negative ? addWorkingMinutes(ctx.now, workDayMinutes(schedule), schedule) : null;
  return {
    kind: 'rate',
    patch: {
      rating: { value, comment, at: ctx.now, screening },
      ...(dueAt
        ? { complaint: { at: ctx.now, dueAt, answer: null, answeredAt: null, answeredBy: null, overdue: false }, complaintDueAt: dueAt, complaintState: 'open' as const }
        : {}),
    },
    log: [entry(ctx.now, 'rated', actor.name, comment ? `${BOOKING_RATING_LABELS[value]}：${comment}` : BOOKING_RATING_LABELS[value])],
    by: actor,
  };
}

export function answer(b: BookingDoc, actor: Person, text: string, ctx: Ctx): Transition {
  if (!b.complaint) throw conflict('该预约没有需要回复的差评');
  if (b.complaint.answeredAt) throw conflict('该差评已回复');
  return {
    kind: 'answer',
    patch: { complaint: { ...b.complaint, answer: text, answeredAt: ctx.now, answeredBy: actor }, complaintDueAt: null, complaintState: 'closed' },
    log: [entry(ctx.now, 'answered', actor.name, text)],
    by: actor,
  };
}

/** The timer: a 差评 past its deadline without an answer is marked overdue (and reported up). */
export function markOverdue(b: BookingDoc, ctx: Ctx): Transition {
  const c = b.complaint;
  if (!c || c.answeredAt || c.overdue || c.dueAt.getTime() > ctx.now.getTime()) throw conflict('无需处理');
  return {
    kind: 'overdue',
    patch: { complaint: { ...c, overdue: true }, complaintDueAt: null },
    log: [entry(ctx.now, 'overdue', '系统', '差评超过一个工作日未回复')],
    by: null,
  };
}

/** The timer: sends the reminder due now (if it still makes sense) and sets the next one. */
export function remind(b: BookingDoc, ctx: Ctx): Transition {
  const { send, next } = dueReminder(b, ctx.now);
  return { kind: 'remind', patch: next, log: [], by: null, stage: send ?? undefined };
}

/** No change but a new version: the hold sweep makes an unfinished attempt at the old version unable to land. */
export function touch(): Transition {
  return { kind: 'touch', patch: {}, log: [], by: null };
}
