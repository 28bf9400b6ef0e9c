/** 我已搬离: the resident ends their own verification (kept in the history). */
import type { usersContract } from '../../../types/users';
import { loadCaller } from '../../core/auth/caller';
import type { Handler } from '../../core/router';
import { runResidence, personOf } from '../app/residence';
import { revoke } from '../domain/residence';
import { residencesRepo } from '../repos/residences';
import { profileOf } from './me';

export const withdrawResidence: Handler<typeof usersContract.withdrawResidence> = async (_input, { caller, now }) => {
  if (await residencesRepo.get(caller.openid)) {
    await runResidence(caller.openid, now, undefined, (doc) => revoke(doc, personOf(caller.openid, caller.user), '本人申报已搬离', now));
  }
  return profileOf(await loadCaller(caller.openid));
};
