/** An activity as the caller sees it, with their record when they have one. */
import type { ActivityView } from '../../../types/volunteer.constants';
import type { Caller } from '../../core/auth/caller';
import { recordId, type ActivityDoc } from '../domain/model';
import { activityView } from '../domain/views';
import { recordsRepo } from '../repos/records';
import { managesActivity } from './access';

export async function viewFor(caller: Caller, a: ActivityDoc, now: Date): Promise<ActivityView> {
  const record = await recordsRepo.get(recordId(a._id, caller.openid));
  return activityView(a, caller.openid, record, managesActivity(caller, a), now);
}
