import type { usersContract } from '../../../types/users';
import { loadCaller } from '../../core/auth/caller';
import { orgRepo } from '../../core/repos/org';
import { usersRepo } from '../../core/repos/users';
import type { Handler } from '../../core/router';
import { profileOf } from './me';

/** Binds the caller to a building (and room) as their household. */
export const bindHousehold: Handler<typeof usersContract.bindHousehold> = async ({ buildingCode, room }, { caller }) => {
  const building = await orgRepo.buildingOfCode(buildingCode);
  await usersRepo.setHousehold(caller.openid, { buildingId: building._id, room }, '微信用户');
  return profileOf(await loadCaller(caller.openid));
};
