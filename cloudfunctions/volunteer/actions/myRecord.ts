/** 我的服务记录: served activities and those to come, hours by each community's rule, totals this year and half-year. */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { serviceRecord } from '../domain/record';
import { standingOf, type Standing } from '../domain/roster';
import { activitiesRepo } from '../repos/activities';
import { recordsRepo } from '../repos/records';
import { settingsRepo } from '../repos/settings';
import { personOf } from '../app/access';

export const myRecord: Handler<typeof volunteerContract.myRecord> = async (_input, { caller, now }) => {
  const records = await recordsRepo.ofPerson(caller.openid);
  // Activities still to come: where the person stands is on their rosters.
  // Still to come: not ended, and not served yet (a check-out has hours to show even before the end).
  const toCome = records.filter((r) => r.activity.end > now && !r.checkOutAt).map((r) => r.activityId);
  const [rules, activities] = await Promise.all([settingsRepo.rules(records.map((r) => r.communityId)), activitiesRepo.byIds(toCome)]);
  const upcoming = new Map<string, Standing>(activities.filter((a) => a.status === 'published').map((a) => [a._id, standingOf(a, caller.openid)]));
  return serviceRecord(personOf(caller).name, records, rules, now, upcoming);
};
