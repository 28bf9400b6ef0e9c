/** 取消报名 before the start: the freed seat goes to the first waiting, who is told through the outbox. */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { recordId } from '../domain/model';
import { promotedNotices } from '../domain/notices';
import { cancel } from '../domain/roster';
import { activityCommands } from '../repos/activities';
import { recordsRepo } from '../repos/records';
import { activityOf } from '../app/access';
import { viewFor } from '../app/view';

export const cancelSignUp: Handler<typeof volunteerContract.cancelSignUp> = async (input, { caller, now }) => {
  const loaded = await activityOf(input.id);
  const record = await recordsRepo.get(recordId(loaded._id, caller.openid));
  if (record?.checkInAt) throw conflict('您已签到，不能取消报名');
  const after = await activityCommands.run(loaded._id, { now, loaded }, (a) => {
    const result = cancel(a, caller.openid);
    if (!result) return null; // not on the roster (any more): nothing to do
    if (now >= a.start) throw conflict('活动已开始，不能取消报名');
    const { seated, waiting, left, seatedCount, waitingCount, promoted } = result;
    return { set: { seated, waiting, left, seatedCount, waitingCount }, effects: promotedNotices(a, a.version + 1, promoted) };
  });
  return viewFor(caller, after, now);
};
