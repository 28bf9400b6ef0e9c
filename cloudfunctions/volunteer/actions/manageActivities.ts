/**
 * The activities a manager sees: their community's (staff — also when they lead a team) or their
 * teams' (leaders), drafts and cancelled included.
 */
import type { volunteerContract } from '../../../types/volunteer';
import { mapPage } from '../../../types/paging';
import { forbidden } from '../../core/errors';
import type { Handler } from '../../core/router';
import { activitySummary } from '../domain/views';
import { activitiesRepo } from '../repos/activities';
import { teamsRepo } from '../repos/teams';
import { communityFor, isStaffOf, MANAGER_ROLES } from '../app/access';
import { hasAnyRole } from '../../core/auth/jurisdiction';

export const manageActivities: Handler<typeof volunteerContract.manageActivities> = async (input, { caller, now }) => {
  const led = await teamsRepo.ledBy(caller.openid);
  let filter: { communityId?: string; teamIds?: string[] } = { teamIds: led.map((t) => t._id) };
  if (input.communityId || led.length === 0 || hasAnyRole(caller, MANAGER_ROLES)) {
    const community = await communityFor(caller, input.communityId);
    if (isStaffOf(caller, community.path)) filter = { communityId: community._id };
    else if (led.length === 0) throw forbidden('只有服务队队长或社区工作人员可以管理活动');
    else filter = { teamIds: led.filter((t) => t.communityId === community._id).map((t) => t._id) };
  }
  return mapPage(await activitiesRepo.managed(filter, input.scope, now, input), activitySummary);
};
