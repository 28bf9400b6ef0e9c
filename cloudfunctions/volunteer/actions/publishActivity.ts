/** Publishes a draft: residents see it and may sign up. */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { activityCommands } from '../repos/activities';
import { managedActivity } from '../app/access';
import { viewFor } from '../app/view';
import { remindAtOf } from './createActivity';

export const publishActivity: Handler<typeof volunteerContract.publishActivity> = async (input, { caller, now }) => {
  const loaded = await managedActivity(caller, input.id);
  const after = await activityCommands.run(loaded._id, { now, loaded }, (a) => {
    if (a.status === 'published') return null;
    if (a.status === 'cancelled') throw conflict('该活动已取消');
    if (a.start <= now) throw conflict('活动开始时间已过，不能发布');
    return { set: { status: 'published', remindAt: remindAtOf(a.start, now) }, effects: [] };
  });
  return viewFor(caller, after, now);
};
