/** Upcoming published activities of a community, soonest first. */
import type { volunteerContract } from '../../../types/volunteer';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { activitySummary } from '../domain/views';
import { activitiesRepo } from '../repos/activities';
import { communityFor } from '../app/access';

export const activities: Handler<typeof volunteerContract.activities> = async (input, { caller, now }) => {
  const community = await communityFor(caller, input.communityId);
  const page = await activitiesRepo.upcoming(community._id, now, input.teamId, input);
  return { ...mapPage(page, activitySummary), community: { id: community._id, name: community.name } };
};
