/** 议事公告栏: a community's matters by step — the given community, the household's, or the staff member's own. */
import type { councilContract } from '../../../types/council';
import { mapPage } from '../../../types/paging';
import { communityInReach } from '../../core/auth/reach';
import { isOrgStaff } from '../../core/auth/jurisdiction';
import { forbidden, invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { stagesOfStep, summaryOf } from '../app/view';
import { mattersRepo } from '../repos/matters';

export const board: Handler<typeof councilContract.board> = async ({ communityId, step, page, pageSize }, { caller }) => {
  let id = communityId;
  if (!id && caller.householdBuildingId) id = (await orgRepo.building(caller.householdBuildingId))?.communityId;
  if (!id && isOrgStaff(caller)) id = (await communityInReach(caller, undefined))._id;
  if (!id) throw invalid('communityId', '请先绑定您家的房屋，或选择一个社区');
  // Matters held for review: staff of the community only.
  if (step === 'review') await communityInReach(caller, id).catch(() => Promise.reject(forbidden('只有社区工作人员可以查看待审核议题')));
  return mapPage(await mattersRepo.board(id, stagesOfStep(step), { page, pageSize }), summaryOf);
};
