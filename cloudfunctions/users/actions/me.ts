import { STAFF_ROLES } from '../../../types/contract';
import type { Me, usersContract } from '../../../types/users';
import type { Caller } from '../../core/auth/caller';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { residenceView } from '../app/residence';
import { residencesRepo } from '../repos/residences';

export async function profileOf(caller: Caller): Promise<Me> {
  const user = caller.user;
  const [units, company, building, residence] = await Promise.all([
    orgRepo.units(caller.jurisdiction?.unitIds ?? []),
    caller.propertyCompanyId ? orgRepo.propertyCompany(caller.propertyCompanyId) : null,
    user?.household ? orgRepo.building(user.household.buildingId) : null,
    user ? residencesRepo.get(caller.openid) : null,
  ]);
  return {
    openid: caller.openid,
    name: user?.name ?? '微信用户',
    roles: caller.roles,
    isStaff: caller.roles.some((role) => STAFF_ROLES.includes(role)),
    jurisdiction: caller.jurisdiction
      ? { ...caller.jurisdiction, unitNames: caller.jurisdiction.unitIds.map((id) => units.find((u) => u._id === id)?.name ?? id) }
      : null,
    propertyCompany: company ? { id: company._id, name: company.name } : null,
    household:
      user?.household && building
        ? { buildingId: building._id, buildingCode: building.code, buildingName: building.name, room: user.household.room }
        : null,
    preferences: { elderMode: user?.preferences?.elderMode ?? false },
    residence: residence ? residenceView(residence, user) : null,
  };
}

export const me: Handler<typeof usersContract.me> = (_input, { caller }) => profileOf(caller);
