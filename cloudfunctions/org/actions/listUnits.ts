import type { OrgUnit, OrgUnitView, orgContract } from '../../../types/org';
import { coveredUnits, coversUnitPath } from '../../core/auth/jurisdiction';
import { forbidden, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';

/** The children of a unit inside the caller's jurisdiction, or the caller's own top units. */
export const listUnits: Handler<typeof orgContract.listUnits> = async ({ parentId }, { caller }) => {
  let units: OrgUnit[];
  if (parentId) {
    const parent = await orgRepo.unit(parentId);
    if (!parent) throw notFound('找不到该单位');
    if (!coversUnitPath(caller, parent.path)) throw forbidden('该单位不在您的辖区内');
    units = await orgRepo.children(parentId);
  } else {
    units = await orgRepo.units([...coveredUnits(caller)]);
  }
  const counts = await orgRepo.childCounts(units.filter((u) => u.level !== 'grid').map((u) => u._id));
  return units.map(
    (u): OrgUnitView => ({ id: u._id, level: u.level, name: u.name, parentId: u.parentId, childCount: counts.get(u._id) ?? 0 }),
  );
};
