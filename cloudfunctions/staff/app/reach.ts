/** What a staff admin reaches: the units beneath their own, and the property companies they oversee. */
import type { OrgUnit, PropertyCompany } from '../../../types/org';
import type { Caller } from '../../core/auth/caller';
import { coveredUnits, hasAnyRole, isOrgStaff } from '../../core/auth/jurisdiction';
import { orgRepo } from '../../core/repos/org';
import type { PersonDoc } from '../repos/people';
import { unitsRepo } from '../repos/units';

export interface Reach {
  units: Map<string, OrgUnit>;
  companies: Map<string, PropertyCompany>;
}

export async function reachOf(caller: Caller): Promise<Reach> {
  const [units, companies] = await Promise.all([
    unitsRepo.beneath(coveredUnits(caller)),
    hasAnyRole(caller, ['district_commander']) && isOrgStaff(caller)
      ? unitsRepo.companies()
      : caller.propertyCompanyId && caller.roles.includes('property_staff')
        ? orgRepo.propertyCompany(caller.propertyCompanyId).then((c) => (c ? [c] : []))
        : Promise.resolve([]),
  ]);
  return { units: new Map(units.map((u) => [u._id, u])), companies: new Map(companies.map((c) => [c._id, c])) };
}

/** The units of people (outside the reach, e.g. a target being changed), added to the map. */
export async function withUnitsOf(units: Map<string, OrgUnit>, people: readonly PersonDoc[]): Promise<Map<string, OrgUnit>> {
  const missing = [...new Set(people.flatMap((p) => p.jurisdiction?.unitIds ?? []))].filter((id) => !units.has(id));
  for (const unit of await orgRepo.units(missing)) units.set(unit._id, unit);
  return units;
}
