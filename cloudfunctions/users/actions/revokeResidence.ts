/** 撤销认证: staff correct a verification or record that the household moved out. */
import type { usersContract } from '../../../types/users';
import type { Handler } from '../../core/router';
import { personOf, residenceItem, runResidence } from '../app/residence';
import { mustRevoke } from '../domain/residence';
import { staffResidence } from '../app/staff';

export const revokeResidence: Handler<typeof usersContract.revokeResidence> = async (input, { caller, now }) => {
  await staffResidence(caller, input.openid);
  const by = personOf(caller.openid, caller.user);
  const after = await runResidence(input.openid, now, input.version, (doc) => mustRevoke(doc, by, input.reason, now));
  return residenceItem(after);
};
