/** One service of a community with its 材料清单. */
import type { bookingContract } from '../../../types/booking';
import { invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { communityOf } from '../app/community';
import type { ServiceDef } from '../domain/model';
import { serviceView } from '../domain/views';
import { settingsRepo } from '../repos/settings';

/** The community's active service of that id; INVALID_INPUT on `serviceId` otherwise. */
export async function activeService(communityId: string, serviceId: string) {
  const community = await communityOf(communityId);
  const settings = await settingsRepo.of(community._id);
  const service: ServiceDef | undefined = settings.services.find((s) => s.id === serviceId);
  if (!service) throw invalid('serviceId', '该社区没有这项服务');
  if (!service.active) throw invalid('serviceId', '该服务暂停预约');
  return { community, settings, service };
}

export const service: Handler<typeof bookingContract.service> = async ({ communityId, serviceId }) =>
  serviceView((await activeService(communityId, serviceId)).service);
