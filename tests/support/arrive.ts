/**
 * "The day arrives": moves a stored booking to today (Shanghai), same time of day, so that tests of
 * the front desk (check in, serve, no-show) and of the rating run at any hour — today's own slots may
 * all be past, or today closed. Only the booking's own day and times change; its seat stays where it
 * was booked.
 */
import type { Database } from '../../cloudfunctions/core/platform/cloud';

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3600_000;

/** Today in Shanghai, YYYY-MM-DD. */
export const shanghaiToday = (now = Date.now()) => new Date(now + SHANGHAI_MS).toISOString().slice(0, 10);

export async function arriveToday(db: Database, bookingId: string, now = Date.now()): Promise<void> {
  const bookings = db.collection('bookings');
  const [doc] = (await bookings.doc(bookingId).get()).data as Array<{ slot: { day: string; start: Date; end: Date } }>;
  if (!doc) throw new Error(`no booking ${bookingId}`);
  const today = shanghaiToday(now);
  const shift = Date.parse(`${today}T00:00:00+08:00`) - Date.parse(`${doc.slot.day}T00:00:00+08:00`);
  if (shift % DAY_MS !== 0) throw new Error(`bad day ${doc.slot.day}`);
  await bookings.doc(bookingId).update({
    'slot.day': today,
    'slot.start': new Date(new Date(doc.slot.start).getTime() + shift),
    'slot.end': new Date(new Date(doc.slot.end).getTime() + shift),
  });
}
