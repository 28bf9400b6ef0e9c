/** The community's hours rule: round to a multiple of 1/15/30/60 minutes, down, to nearest or up. */
import type { volunteerContract } from '../../../types/volunteer';
import { forbidden } from '../../core/errors';
import type { Handler } from '../../core/router';
import { settingsRepo } from '../repos/settings';
import { communityFor, isStaffOf, personOf } from '../app/access';

export const setHoursRule: Handler<typeof volunteerContract.setHoursRule> = async (input, { caller, now }) => {
  const community = await communityFor(caller, input.communityId);
  if (!isStaffOf(caller, community.path)) throw forbidden('只有本社区工作人员可以修改时长规则');
  const rule = { unitMinutes: input.unitMinutes, mode: input.mode };
  await settingsRepo.setRule(community._id, rule, personOf(caller), now);
  return rule;
};
