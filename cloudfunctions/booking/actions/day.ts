/** 今日预约: a community's bookings of a day per window in time order, who is on duty, and the counts. */
import { BOOKING_STATUSES, isAfterHours, type BookingStatus, type DayWindow } from '../../../types/booking.constants';
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { calendarInForce } from '../../core/time/calendar';
import { shanghaiDay } from '../../core/time/workingTime';
import { actorOf } from '../app/actor';
import { readableCommunity, refOf } from '../app/community';
import { dutyOf, planOf } from '../domain/schedule';
import { toSummary } from '../domain/views';
import { bookingsRepo } from '../repos/bookings';
import { settingsRepo } from '../repos/settings';

export const day: Handler<typeof bookingContract.day> = async (input, { caller, now }) => {
  const community = await readableCommunity(await actorOf(caller), input.communityId);
  const date = input.day ?? shanghaiDay(now);
  const [settings, all] = await Promise.all([settingsRepo.of(community._id), bookingsRepo.ofDay(community._id, date)]);
  const found = input.name ? all.filter((b) => b.owner.name.includes(input.name!)) : all;
  const plan = planOf(date, settings, calendarInForce);

  const windows: DayWindow[] = settings.windows.map((w) => ({ window: { id: w.id, name: w.name }, bookings: [] }));
  for (const b of found) {
    let row = windows.find((w) => w.window.id === b.slot.windowId);
    if (!row) windows.push((row = { window: { id: b.slot.windowId, name: b.slot.windowName }, bookings: [] }));
    row.bookings.push(toSummary(b));
  }
  const counts = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as Record<BookingStatus, number>;
  for (const b of all) counts[b.status as BookingStatus] += 1;

  return {
    community: refOf(community),
    day: date,
    closed: plan.closed,
    duties: plan.sessions
      .filter((s) => isAfterHours(s.kind))
      .map((s) => ({ sessionId: s.id, sessionName: s.name, label: `${s.start}–${s.end}`, staff: dutyOf(settings.roster, date, s.id).staff })),
    windows,
    counts,
  };
};
