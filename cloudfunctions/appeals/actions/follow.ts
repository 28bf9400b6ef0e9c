/** 我也遇到了: join an open appeal instead of filing a duplicate. Following twice is a no-op. */
import type { appealsContract } from '../../../types/appeals';
import { notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { actorOf } from '../app/actor';
import { runCommand } from '../app/command';
import { assertRights } from '../domain/policy';
import { follow as followTransition } from '../domain/stateMachine';
import { appealsRepo } from '../repos/appeals';

export const follow: Handler<typeof appealsContract.follow> = async ({ id }, { caller, now }) => {
  const actor = actorOf(caller);
  const current = await appealsRepo.get(id);
  if (!current) throw notFound('找不到该诉求');
  assertRights('follow', actor, current);
  if (current.followers.includes(actor.openid)) return { id, followerCount: current.followerCount, following: true };
  const after = await runCommand(id, { actor: actor.openid, now, loaded: current }, (a) => {
    assertRights('follow', actor, a);
    return followTransition(a, actor.openid, { now });
  });
  return { id, followerCount: after.followerCount, following: true };
};
