/**
 * Reminders: the evening before (19:00, Asia/Shanghai) and one hour before. A booking keeps the next
 * one due (`remindAt`, `remindStage`); the timer job sends it and moves on to the next. A late run
 * sends only what still makes sense: past the hour mark it sends the hour reminder alone; after the
 * start, nothing. Pure.
 */
import { BOOKING_LIMITS } from '../../../types/booking.constants';
import type { BookingDoc } from './model';
import { addDays, instantOf } from './schedule';

export type Stage = 'evening' | 'hour';
export interface Next {
  remindAt: Date | null;
  remindStage: Stage | null;
}

const NONE: Next = { remindAt: null, remindStage: null };

export function reminderTimes(slot: Pick<BookingDoc['slot'], 'day' | 'start'>): Record<Stage, Date> {
  return {
    evening: instantOf(addDays(slot.day, -1), BOOKING_LIMITS.eveningReminder),
    hour: new Date(slot.start.getTime() - BOOKING_LIMITS.hourReminderMinutes * 60_000),
  };
}

/** The first reminder still ahead of `now` (after `sent`, when one went out), or none. */
export function nextReminder(slot: Pick<BookingDoc['slot'], 'day' | 'start'>, now: Date, sent: Stage | null = null): Next {
  const times = reminderTimes(slot);
  const order: Stage[] = sent === 'evening' ? ['hour'] : sent === 'hour' ? [] : ['evening', 'hour'];
  for (const stage of order) if (times[stage].getTime() > now.getTime()) return { remindAt: times[stage], remindStage: stage };
  return NONE;
}

/** Reminders only go to residents who booked in WeChat, and only for a confirmed booking. */
export function remindersFor(b: Pick<BookingDoc, 'owner' | 'status' | 'slot'>, now: Date): Next {
  if (b.owner.kind !== 'wechat' || b.status !== 'booked') return NONE;
  return nextReminder(b.slot, now);
}

/** What the job does with a due booking: which reminder to send now (if any) and the next one. */
export function dueReminder(b: Pick<BookingDoc, 'owner' | 'status' | 'slot' | 'remindStage'>, now: Date): { send: Stage | null; next: Next } {
  if (b.owner.kind !== 'wechat' || b.status !== 'booked' || !b.remindStage || now.getTime() >= b.slot.start.getTime()) return { send: null, next: NONE };
  const times = reminderTimes(b.slot);
  const send: Stage = b.remindStage === 'evening' && now.getTime() >= times.hour.getTime() ? 'hour' : b.remindStage;
  return { send, next: nextReminder(b.slot, now, send) };
}
