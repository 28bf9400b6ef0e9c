/** 差评 of a unit's area (community, street, district), open ones first by default, newest first. */
import type { bookingContract } from '../../../types/booking';
import { mapPage } from '../../../types/paging';
import { unitInReach } from '../../core/auth/reach';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { unitScope } from '../app/unitScope';
import { toComplaintItem } from '../domain/views';
import { bookingsRepo } from '../repos/bookings';

export const complaints: Handler<typeof bookingContract.complaints> = async ({ unitId, open, page, pageSize }, { caller }) => {
  const scope = await unitScope(await unitInReach(await actorOf(caller), unitId));
  return mapPage(await bookingsRepo.complaints(scope.field, scope.unit._id, open, { page, pageSize }), toComplaintItem);
};
