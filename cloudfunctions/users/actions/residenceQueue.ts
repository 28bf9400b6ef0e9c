/** 住户认证 queue: the verifications of a unit in the caller's jurisdiction, oldest pending first. */
import type { usersContract } from '../../../types/users';
import { mapPage } from '../../../types/paging';
import { LEVEL } from '../../core/auth/jurisdiction';
import { unitInReach } from '../../core/auth/reach';
import type { Handler } from '../../core/router';
import { residenceItem } from '../app/residence';
import { residencesRepo } from '../repos/residences';

export const residenceQueue: Handler<typeof usersContract.residenceQueue> = async ({ status, unitId, page, pageSize }, { caller }) => {
  const unit = await unitInReach(caller, unitId);
  return mapPage(await residencesRepo.queue(LEVEL[unit.level].id, unit._id, status, { page, pageSize }), residenceItem);
};
