/** 考核评价: 满意/基本满意 close it; the first 不满意 reopens it to the handler, the second escalates it. */
import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { actorOf, personOf } from '../app/actor';
import { runCommand } from '../app/command';
import { assertRights } from '../domain/policy';
import { rate as rateTransition } from '../domain/stateMachine';
import { toDetail } from '../domain/views';

export const rate: Handler<typeof appealsContract.rate> = async ({ id, rating, comment }, { caller, now }) => {
  const actor = actorOf(caller);
  const after = await runCommand(id, { actor: actor.openid, now }, (a) => {
    assertRights('rate', actor, a);
    return rateTransition(a, personOf(actor), rating, comment ?? null, { now });
  });
  return toDetail(after, actor, now);
};
