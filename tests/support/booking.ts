import { DEFAULT_BOOKING_RULES } from '../../types/booking.constants';

/**
 * Whether a slot ('YYYYMMDD-HHmm', Shanghai) still lets its booking be changed, `marginMinutes` from now:
 * tests that book and then cancel or reschedule must not pick a slot inside the cut-off, whatever the
 * hour the suite runs at.
 */
export function changeable(slotId: string, now = Date.now(), marginMinutes = 30): boolean {
  const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(slotId) ?? [];
  const start = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:00+08:00`);
  return start - now > (DEFAULT_BOOKING_RULES.cutoffMinutes + marginMinutes) * 60_000;
}
