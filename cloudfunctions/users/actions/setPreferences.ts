import type { usersContract } from '../../../types/users';
import { loadCaller } from '../../core/auth/caller';
import { usersRepo } from '../../core/repos/users';
import type { Handler } from '../../core/router';
import { profileOf } from './me';

/** Remembers the caller's display preferences (长辈版) on their profile, so every device they use gets them. */
export const setPreferences: Handler<typeof usersContract.setPreferences> = async ({ elderMode }, { caller }) => {
  await usersRepo.setPreferences(caller.openid, { elderMode }, '微信用户');
  return profileOf(await loadCaller(caller.openid));
};
