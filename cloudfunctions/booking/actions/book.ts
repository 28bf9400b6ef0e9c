/** 预约: a resident books a slot. Idempotent per (openid, requestId); capacity exact (app/create.ts). */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { communityOf } from '../app/community';
import { createBooking } from '../app/create';
import { viewFor } from '../app/view';

export const book: Handler<typeof bookingContract.book> = async (input, { caller, now }) => {
  const community = await communityOf(input.communityId);
  const name = caller.user?.name ?? '微信用户';
  const booking = await createBooking(
    {
      requestId: input.requestId,
      requester: { openid: caller.openid, name },
      owner: { kind: 'wechat', openid: caller.openid, name, phone: input.phone ?? caller.user?.phone ?? null },
      channel: 'online',
      takenBy: null,
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
  return viewFor(booking, await actorOf(caller), now);
};
