/** 通过 / 不通过: the grid worker of the household's building, or staff above it. */
import type { usersContract } from '../../../types/users';
import type { Handler } from '../../core/router';
import { personOf, residenceItem, runResidence } from '../app/residence';
import { decide } from '../domain/residence';
import { staffResidence } from '../app/staff';

export const decideResidence: Handler<typeof usersContract.decideResidence> = async (input, { caller, now }) => {
  await staffResidence(caller, input.openid);
  const by = personOf(caller.openid, caller.user);
  const after = await runResidence(input.openid, now, input.version, (doc) => decide(doc, by, input.approve, input.reason ?? null, input.area ?? null, now));
  return residenceItem(after);
};
