import type { usersContract } from '../../../types/users';
import { loadCaller } from '../../core/auth/caller';
import { orgRepo } from '../../core/repos/org';
import { usersRepo } from '../../core/repos/users';
import type { Handler } from '../../core/router';
import { householdKey, revoke } from '../domain/residence';
import { personOf, runResidence } from '../app/residence';
import { residencesRepo } from '../repos/residences';
import { profileOf } from './me';

/** Binds the caller to a building (and room) as their household; a verification of another household ends (搬离). */
export const bindHousehold: Handler<typeof usersContract.bindHousehold> = async ({ buildingCode, room }, { caller, now }) => {
  const building = await orgRepo.buildingOfCode(buildingCode);
  await usersRepo.setHousehold(caller.openid, { buildingId: building._id, room }, '微信用户');
  const residence = await residencesRepo.get(caller.openid);
  if (residence && (!room || householdKey(building._id, room) !== residence.householdKey)) {
    await runResidence(caller.openid, now, undefined, (doc) => revoke(doc, personOf(caller.openid, caller.user), '已更换绑定的房屋', now));
  }
  return profileOf(await loadCaller(caller.openid));
};
