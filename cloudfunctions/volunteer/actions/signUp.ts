/**
 * 报名: one write of the activity's roster conditional on its version — a seat while any is left, else
 * the end of the waiting list. The person is on the roster at most once, and a retried request of one
 * who has since cancelled changes nothing (domain/roster.ts). Their record is created after.
 */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { signUp as addTo } from '../domain/roster';
import { activityCommands } from '../repos/activities';
import { recordsRepo } from '../repos/records';
import { activityOf, personOf } from '../app/access';
import { viewFor } from '../app/view';

export const signUp: Handler<typeof volunteerContract.signUp> = async (input, { caller, now }) => {
  const loaded = await activityOf(input.id);
  if (loaded.requirements.length > 0 && !input.confirmRequirements) throw invalid('confirmRequirements', '请确认您符合报名条件');
  const me = personOf(caller);
  const after = await activityCommands.run(loaded._id, { now, loaded }, (a) => {
    if (a.status === 'cancelled') throw conflict('该活动已取消');
    if (a.status !== 'published') throw conflict('该活动尚未发布');
    if (now >= a.start) throw conflict('活动已开始，不能再报名');
    const roster = addTo(a, { openid: me.openid, name: me.name, requestId: input.requestId, at: now });
    return roster ? { set: roster, effects: [] } : null;
  });
  await recordsRepo.ensure(after, me, now);
  return viewFor(caller, after, now);
};
