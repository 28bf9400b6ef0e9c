/** A service's slots in the next 14 days, with the visits left in each. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { serviceSlots } from '../app/slots';
import { activeService } from './service';

export const slots: Handler<typeof bookingContract.slots> = async ({ communityId, serviceId }, { now }) => {
  const { community, settings, service } = await activeService(communityId, serviceId);
  return serviceSlots(community, settings, service, now);
};
