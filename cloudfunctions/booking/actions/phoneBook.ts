/** 电话预约: front-desk staff book for a caller, stored under the caller's number (no WeChat account). */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { actorOf, personOf } from '../app/actor';
import { deskCommunity } from '../app/community';
import { createBooking } from '../app/create';
import { viewFor } from '../app/view';

export const phoneBook: Handler<typeof bookingContract.phoneBook> = async (input, { caller, now }) => {
  const actor = await actorOf(caller);
  const community = await deskCommunity(actor, input.communityId);
  const me = personOf(actor);
  const booking = await createBooking(
    {
      requestId: input.requestId,
      requester: me,
      owner: { kind: 'phone', name: input.name, phone: input.phone },
      channel: 'phone',
      takenBy: me,
      community,
      serviceId: input.serviceId,
      slotId: input.slotId,
      mode: input.mode,
      homeReason: input.homeReason,
      address: input.address,
      note: input.note,
    },
    now,
  );
  return viewFor(booking, actor, now);
};
