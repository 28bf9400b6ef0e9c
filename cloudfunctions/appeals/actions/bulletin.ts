/** 问题通报: escalations within a unit's area, newest first. */
import type { appealsContract } from '../../../types/appeals';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { unitInReach } from '../../core/auth/reach';
import { toBulletinItem } from '../domain/views';
import { bulletinRepo } from '../repos/bulletin';

export const bulletin: Handler<typeof appealsContract.bulletin> = async ({ unitId, page, pageSize }, { caller }) => {
  const unit = await unitInReach(caller, unitId);
  return mapPage(await bulletinRepo.ofUnit(unit.level, unit._id, { page, pageSize }), toBulletinItem);
};
