import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
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

/**
 * `arriveToday` (tests/support/arrive.ts) from a component test: jsdom cannot run the SDK, so a
 * node process does it against the component cloud.
 */
export function arriveTodayInCloud(bookingId: string): void {
  const url = process.env.JY_TEST_CLOUD_URL;
  if (!url) throw new Error('the component cloud is not running');
  execFileSync(process.execPath, [createRequire(__filename).resolve('tsx/cli'), path.join(__dirname, 'arriveCli.ts'), url, bookingId], { stdio: 'inherit' });
}
