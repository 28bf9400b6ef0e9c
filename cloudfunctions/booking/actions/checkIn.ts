/** 签到: by the booking code shown at the window, or by the booking found by name in the day view. */
import type { bookingContract } from '../../../types/booking';
import { notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { shanghaiDay } from '../../core/time/workingTime';
import { actorOf, personOf } from '../app/actor';
import { loadBooking } from '../app/bookingCommand';
import { runCommand } from '../app/command';
import { deskCommunity } from '../app/community';
import { viewFor } from '../app/view';
import { assertMay } from '../domain/policy';
import { checkIn as checkInTransition } from '../domain/stateMachine';
import { bookingsRepo } from '../repos/bookings';

export const checkIn: Handler<typeof bookingContract.checkIn> = async (input, { caller, now }) => {
  const actor = await actorOf(caller);
  let booking;
  if (input.code) {
    const community = await deskCommunity(actor, input.communityId);
    booking = await bookingsRepo.byCode(community._id, input.code);
    if (!booking || booking.status === 'void') throw notFound('没有找到该预约码，请核对后重试');
  } else {
    booking = await loadBooking(input.id!);
  }
  assertMay('checkIn', actor, booking);
  const after = await runCommand(booking._id, { now, loaded: booking }, (b) => checkInTransition(b, personOf(actor), shanghaiDay(now), { now }));
  return viewFor(after, actor, now);
};
