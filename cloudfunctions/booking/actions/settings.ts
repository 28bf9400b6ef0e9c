/** A community's booking settings: its staff edit them, the street and district read them. */
import type { bookingContract } from '../../../types/booking';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { readableCommunity } from '../app/community';
import { settingsViewOf } from '../app/settingsView';
import { settingsRepo } from '../repos/settings';

export const settings: Handler<typeof bookingContract.settings> = async ({ communityId }, { caller, now }) => {
  const community = await readableCommunity(await actorOf(caller), communityId);
  return settingsViewOf(community, await settingsRepo.of(community._id), now);
};
