/** 服务目录: community staff add or change a service (材料清单, minutes per visit, windows, 上门). */
import { randomBytes } from 'node:crypto';
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { actorOf, personOf } from '../app/actor';
import { adminCommunity } from '../app/community';
import { settingsViewOf } from '../app/settingsView';
import { settingsId } from '../domain/model';
import { withService } from '../domain/settings';
import { settingsCommands } from '../repos/settings';

export const saveService: Handler<typeof bookingContract.saveService> = async (input, { caller, now }) => {
  const actor = await actorOf(caller);
  const community = await adminCommunity(actor, input.communityId);
  const newId = `sv-${randomBytes(5).toString('hex')}`;
  const saved = await settingsCommands.run(settingsId(community._id), { now, expectedVersion: input.version }, (doc) => ({
    set: { communityId: community._id, services: withService(doc, input.service, newId), updatedAt: now, updatedBy: personOf(actor) },
    effects: [],
  }));
  return settingsViewOf(community, saved, now);
};
