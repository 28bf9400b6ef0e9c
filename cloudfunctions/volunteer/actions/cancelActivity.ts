/** Cancels an activity before it ends; everyone signed up or waiting hears it through the outbox, in the same write. */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { cancelledNotices } from '../domain/notices';
import { activityCommands } from '../repos/activities';
import { managedActivity } from '../app/access';
import { viewFor } from '../app/view';

export const cancelActivity: Handler<typeof volunteerContract.cancelActivity> = async (input, { caller, now }) => {
  const loaded = await managedActivity(caller, input.id);
  const after = await activityCommands.run(loaded._id, { now, loaded }, (a) => {
    if (a.status === 'cancelled') return null;
    if (a.end <= now) throw conflict('活动已结束，不能取消');
    return { set: { status: 'cancelled', cancelReason: input.reason, remindAt: null }, effects: cancelledNotices(a, a.version + 1, input.reason) };
  });
  return viewFor(caller, after, now);
};
