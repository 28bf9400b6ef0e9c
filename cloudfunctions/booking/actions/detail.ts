/** One booking: its owner, or staff of its community and above. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { loadBooking } from '../app/bookingCommand';
import { viewFor } from '../app/view';
import { assertCanView } from '../domain/policy';

export const detail: Handler<typeof bookingContract.detail> = async ({ id }, { caller, now }) => {
  const [actor, booking] = await Promise.all([actorOf(caller), loadBooking(id)]);
  assertCanView(actor, booking);
  return viewFor(booking, actor, now);
};
