/** 我也遇到了: join an open appeal instead of filing a duplicate. Following twice is a no-op. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { runCommand } from '../app/command';
import { assertRights } from '../domain/policy';
import { follow as followTransition } from '../domain/stateMachine';

export const follow: Handler<typeof appealsContract.follow> = async ({ id }, { caller, now }) => {
  const actor = actorOf(caller);
  const after = await runCommand(id, { actor: actor.openid, now }, (a) => {
    assertRights('follow', actor, a);
    // Decided on the appeal as read, so two follows racing each other add the follower once.
    return a.followers.includes(actor.openid) ? null : followTransition(a, actor.openid, { now });
  });
  return { id, followerCount: after.followerCount, following: true };
};
