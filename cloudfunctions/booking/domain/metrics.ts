/**
 * The numbers the dashboard sums, as a function of the booking alone, recomputed and written with
 * every change of the booking (same write): the dashboard aggregates them over an index range
 * (repos/bookings.ts), so there are no separate counters to drift or to double-apply. Pure.
 */
import { BOOKING_RATINGS, type BookingCounts, type BookingRates, type BookingRating } from '../../../types/booking.constants';
import type { BookingDoc, Metrics } from './model';

export const METRIC_FIELDS = [
  'counted',
  'cancelled',
  'served',
  'noShow',
  'afterHours',
  'waitMinutes',
  'rated',
  'complaints',
  'answered',
  'answeredOnTime',
  'overdue',
  ...BOOKING_RATINGS.map((r) => `r_${r}` as const),
] as const satisfies ReadonlyArray<keyof Metrics>;

const n = (b: boolean) => (b ? 1 : 0);

export function metricsOf(b: Pick<BookingDoc, 'status' | 'afterHours' | 'createdAt' | 'served' | 'rating' | 'complaint'>): Metrics {
  const counted = b.status !== 'void' && b.status !== 'rejected';
  const cancelled = b.status === 'cancelled';
  const c = b.complaint;
  const m: Metrics = {
    counted: n(counted),
    cancelled: n(cancelled),
    served: n(b.status === 'served'),
    noShow: n(b.status === 'no_show'),
    afterHours: n(counted && !cancelled && b.afterHours),
    waitMinutes: b.status === 'served' && b.served ? Math.max(0, Math.round((b.served.at.getTime() - b.createdAt.getTime()) / 60_000)) : 0,
    rated: n(b.rating !== null),
    complaints: n(c !== null),
    answered: n(!!c?.answeredAt),
    answeredOnTime: n(!!c?.answeredAt && c.answeredAt.getTime() <= c.dueAt.getTime()),
    overdue: n(!!c?.overdue),
    r_very_satisfied: 0,
    r_satisfied: 0,
    r_basically_satisfied: 0,
    r_dissatisfied: 0,
    r_very_dissatisfied: 0,
  };
  if (b.rating) m[`r_${b.rating.value}`] = 1;
  return m;
}

/** Summed metrics of many bookings, every field present. */
export function emptyMetrics(): Metrics {
  return Object.fromEntries(METRIC_FIELDS.map((f) => [f, 0])) as unknown as Metrics;
}

/** The dashboard's counts from summed metrics (missing fields count 0). */
export function countsOf(sums: Partial<Record<string, number>>): BookingCounts {
  const n = (f: keyof Metrics) => Number(sums[f] ?? 0);
  return {
    bookings: n('counted'),
    cancelled: n('cancelled'),
    served: n('served'),
    noShow: n('noShow'),
    afterHours: n('afterHours'),
    waitMinutes: n('waitMinutes'),
    rated: n('rated'),
    complaints: n('complaints'),
    answered: n('answered'),
    answeredOnTime: n('answeredOnTime'),
    overdue: n('overdue'),
  };
}

export function ratingsOf(sums: Partial<Record<string, number>>): Record<BookingRating, number> {
  return Object.fromEntries(BOOKING_RATINGS.map((r) => [r, Number(sums[`r_${r}`] ?? 0)])) as Record<BookingRating, number>;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

export function ratesOf(c: BookingCounts, ratings: Record<BookingRating, number>): BookingRates {
  return {
    noShow: ratio(c.noShow, c.served + c.noShow),
    afterHoursShare: ratio(c.afterHours, c.bookings - c.cancelled),
    averageWaitMinutes: c.served > 0 ? Math.round(c.waitMinutes / c.served) : null,
    satisfaction: ratio(ratings.very_satisfied + ratings.satisfied + ratings.basically_satisfied, c.rated),
    answeredOnTime: ratio(c.answeredOnTime, c.complaints),
  };
}
