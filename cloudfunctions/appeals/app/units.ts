/** The org unit a staff view is about: the one asked for, if in the caller's jurisdiction, else their own. */
import type { OrgUnit } from '../../../types/org';
import { coversUnitPath, type Caller } from '../../core/auth/caller';
import { forbidden, invalid, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';

export async function unitInReach(caller: Caller, unitId: string | undefined): Promise<OrgUnit> {
  const id = unitId ?? caller.jurisdiction?.unitIds[0];
  if (!id) throw forbidden('您还没有分配辖区');
  const unit = await orgRepo.unit(id);
  if (!unit) throw notFound('找不到该单位');
  if (!coversUnitPath(caller, unit.path)) throw forbidden('该单位不在您的辖区内');
  return unit;
}

/** The community a routing view is about: the one given or the caller's own, or the community of a grid in reach. */
export async function communityInReach(caller: Caller, communityId: string | undefined): Promise<OrgUnit> {
  const unit = await unitInReach(caller, communityId);
  const community = unit.level === 'grid' && unit.parentId ? await orgRepo.unit(unit.parentId) : unit;
  if (community?.level !== 'community') throw invalid('communityId', '请选择一个社区');
  return community;
}
