/** The org unit a staff view is about, checked against the caller's jurisdiction (reads the org tree). */
import type { OrgUnit } from '../../../types/org';
import { forbidden, invalid, notFound } from '../errors';
import { orgRepo } from '../repos/org';
import { coveredUnits, coversUnitPath, type Subject } from './jurisdiction';

/** The unit asked for, if the caller covers it; without one, the caller's own first unit. */
export async function unitInReach(who: Pick<Subject, 'roles' | 'jurisdiction'>, unitId: string | undefined): Promise<OrgUnit> {
  const id = unitId ?? coveredUnits(who)[0];
  if (!id) throw forbidden('您还没有分配辖区');
  const unit = await orgRepo.unit(id);
  if (!unit) throw notFound('找不到该单位');
  if (!coversUnitPath(who, unit.path)) throw forbidden('该单位不在您的辖区内');
  return unit;
}

/** The community a view is about: the one given or the caller's own, or the community of a grid in reach. */
export async function communityInReach(who: Pick<Subject, 'roles' | 'jurisdiction'>, communityId: string | undefined): Promise<OrgUnit> {
  const unit = await unitInReach(who, communityId);
  const community = unit.level === 'grid' && unit.parentId ? await orgRepo.unit(unit.parentId) : unit;
  if (community?.level !== 'community') throw invalid('communityId', '请选择一个社区');
  return community;
}
