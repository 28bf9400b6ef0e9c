/**
 * Who may book what, pure: one active booking per service and day, at most `maxActive` at once, and
 * after too many no-shows in 30 days a booking waits for staff approval. The first two are also
 * unique keys on the booking (`activeKey`, `quotaKey`): these checks give the resident the reason
 * up front, the index holds the line when two requests race.
 */
import type { BookingRules } from '../../../types/booking.constants';
import { conflict } from '../../core/errors';
import { quotaKeyOf, type BookingDoc } from './model';

const MINUTE = 60_000;

export type ActiveBooking = Pick<BookingDoc, '_id' | 'quotaKey'> & { service: Pick<BookingDoc['service'], 'id'>; slot: Pick<BookingDoc['slot'], 'day'> };

export const SAME_DAY = '您当天已预约过该服务，如需换时间请在“我的预约”中改约';
export const tooMany = (max: number) => `您已有${max}个未完成的预约，请办结或取消后再预约`;

/** Throws CONFLICT when the resident may not hold another booking of this service on this day. */
export function checkEligibility(active: readonly ActiveBooking[], serviceId: string, day: string, rules: Pick<BookingRules, 'maxActive'>, except?: string): void {
  const others = active.filter((b) => b._id !== except);
  if (others.some((b) => b.service.id === serviceId && b.slot.day === day)) throw conflict(SAME_DAY);
  if (!except && others.length >= rules.maxActive) throw conflict(tooMany(rules.maxActive));
}

/** The resident's free quota numbers (0 ≤ n < maxActive), lowest first. */
export function freeQuota(active: readonly Pick<BookingDoc, 'quotaKey'>[], owner: string, maxActive: number): number[] {
  const taken = new Set(active.map((b) => b.quotaKey));
  return Array.from({ length: maxActive }, (_, n) => n).filter((n) => !taken.has(quotaKeyOf(owner, n)));
}

export const needsApproval = (noShowsIn30Days: number, rules: Pick<BookingRules, 'noShowLimit'>): boolean => noShowsIn30Days >= rules.noShowLimit;

/** Until when the resident may cancel or reschedule. */
export const changeUntilOf = (start: Date, rules: Pick<BookingRules, 'cutoffMinutes'>): Date => new Date(start.getTime() - rules.cutoffMinutes * MINUTE);
