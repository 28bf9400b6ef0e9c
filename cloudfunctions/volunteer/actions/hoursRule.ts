/** The community's hours rule in force (the default until its staff set one). */
import type { volunteerContract } from '../../../types/volunteer';
import { forbidden } from '../../core/errors';
import type { Handler } from '../../core/router';
import { settingsRepo } from '../repos/settings';
import { communityFor, isStaffOf } from '../app/access';

export const hoursRule: Handler<typeof volunteerContract.hoursRule> = async (input, { caller }) => {
  const community = await communityFor(caller, input.communityId);
  if (!isStaffOf(caller, community.path)) throw forbidden('该社区不在您的辖区内');
  return settingsRepo.rule(community._id);
};
