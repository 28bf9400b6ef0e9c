/**
 * 轮值坐班: who is on duty in an after-hours session, for one day or every week on a weekday.
 * Bookings stay as they are; the new person is told (with the bookings waiting), and so is the one
 * relieved. Leaving a session with bookings unstaffed is refused.
 */
import { BOOKING_LIMITS } from '../../../types/booking.constants';
import type { bookingContract } from '../../../types/booking';
import { weekdayOf } from '../../../types/calendar';
import type { NotifyEffect } from '../../core/commands/runner';
import { conflict, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { shanghaiDay } from '../../core/time/workingTime';
import { actorOf, personOf } from '../app/actor';
import { adminCommunity } from '../app/community';
import { settingsViewOf } from '../app/settingsView';
import { settingsId, type Person } from '../domain/model';
import { dutyNotices } from '../domain/notifications';
import { horizonDays, instantOf } from '../domain/schedule';
import { withDuty } from '../domain/settings';
import { bookingsRepo } from '../repos/bookings';
import { settingsCommands } from '../repos/settings';
import { staffRepo } from '../repos/staff';

export const setDuty: Handler<typeof bookingContract.setDuty> = async (input, { caller, now }) => {
  const actor = await actorOf(caller);
  const community = await adminCommunity(actor, input.communityId);
  let staff: Person | null = null;
  if (input.staffOpenid) {
    const found = (await staffRepo.dutyStaff(community._id)).find((p) => p.openid === input.staffOpenid);
    if (!found) throw invalid('staffOpenid', '只能安排本社区的工作人员或网格员值班');
    staff = { openid: found.openid, name: found.name };
  }
  const today = shanghaiDay(now);
  // The days the change reaches within the booking horizon, and the bookings already made there.
  const days = input.day !== undefined ? [input.day] : horizonDays(today, BOOKING_LIMITS.horizonDays).filter((d) => weekdayOf(d) === input.weekday);
  const counts = await Promise.all(days.map((d) => bookingsRepo.activeInSession(community._id, d, input.sessionId)));
  const booked = counts.reduce((a, b) => a + b, 0);
  if (!staff && booked > 0) throw conflict(`该时段已有${booked}个预约，请安排他人值班，不能空岗`);

  const saved = await settingsCommands.run(settingsId(community._id), { now, expectedVersion: input.version }, (doc) => {
    const { roster, previous } = withDuty(doc, { sessionId: input.sessionId, day: input.day, weekday: input.weekday, staff }, today);
    const session = doc.sessions.find((s) => s.id === input.sessionId)!;
    const first = days[0] ?? input.day ?? today;
    const messages = dutyNotices({
      communityId: community._id,
      communityName: community.name,
      session,
      day: first,
      start: instantOf(first, session.start),
      weekly: input.weekday !== undefined,
      bookings: counts[0] ?? 0,
      from: previous,
      to: staff,
    });
    const effects: NotifyEffect[] = messages.map((message, i) => ({ id: `${doc._id}_v${doc.version + 1}_${i}`, kind: 'notify', message }));
    return { set: { communityId: community._id, roster, updatedAt: now, updatedBy: personOf(actor) }, effects };
  });
  return settingsViewOf(community, saved, now);
};
