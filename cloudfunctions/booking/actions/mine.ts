/** 我的预约: upcoming (still active, soonest first) or past (latest first), paged. */
import type { bookingContract } from '../../../types/booking';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { toSummary } from '../domain/views';
import { bookingsRepo } from '../repos/bookings';

export const mine: Handler<typeof bookingContract.mine> = async ({ scope, page, pageSize }, { caller }) =>
  mapPage(await bookingsRepo.ofOwner(caller.openid, scope, { page, pageSize }), toSummary);
