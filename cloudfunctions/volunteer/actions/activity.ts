/** One activity: requirements, the caller's place (signed up, waiting n-th), what they can do. Drafts only to managers. */
import type { volunteerContract } from '../../../types/volunteer';
import { notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { activityOf, managesActivity } from '../app/access';
import { viewFor } from '../app/view';

export const activity: Handler<typeof volunteerContract.activity> = async (input, { caller, now }) => {
  const a = await activityOf(input.id);
  if (a.status === 'draft' && !managesActivity(caller, a)) throw notFound('找不到该活动');
  return viewFor(caller, a, now);
};
