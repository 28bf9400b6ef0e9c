/** 申请住户认证: the resident asks the building's grid worker to verify their bound household. */
import type { usersContract } from '../../../types/users';
import { loadCaller } from '../../core/auth/caller';
import { usersRepo } from '../../core/repos/users';
import type { Handler } from '../../core/router';
import { invalid } from '../../core/errors';
import { requestFor } from '../app/residence';
import { profileOf } from './me';

export const requestResidence: Handler<typeof usersContract.requestResidence> = async (_input, { caller, now }) => {
  const user = caller.user ?? (await usersRepo.get(caller.openid));
  if (!user) throw invalid('household', '请先绑定您家所在的楼栋和房号');
  await requestFor(user, now);
  return profileOf(await loadCaller(caller.openid));
};
