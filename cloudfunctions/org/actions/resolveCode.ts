import type { ResolvedPlace } from '../../../types/org';
import type { orgContract } from '../../../types/org';
import { notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import { usersRepo } from '../../core/repos/users';
import type { Handler } from '../../core/router';

/** Building code → the building and every level above it; what the QR landing page shows. */
export async function placeOfCode(code: string): Promise<ResolvedPlace> {
  const building = await orgRepo.buildingByCode(code);
  if (!building) throw notFound('没有找到这个楼栋码，请确认二维码是否完整或联系社区');
  const [units, estate, worker] = await Promise.all([
    orgRepo.units([building.gridId, building.communityId, building.streetId, building.districtId]),
    orgRepo.estate(building.estateId),
    usersRepo.gridWorker(building.gridId),
  ]);
  const unit = (id: string) => {
    const found = units.find((u) => u._id === id);
    if (!found) throw new Error(`org unit ${id} of building ${building._id} is missing`);
    return found;
  };
  const company = estate?.propertyCompanyId ? await orgRepo.propertyCompany(estate.propertyCompanyId) : null;
  const grid = unit(building.gridId);
  const community = unit(building.communityId);
  return {
    building: { id: building._id, code: building.code, name: building.name, address: building.address },
    estate: { id: building.estateId, name: estate?.name ?? '' },
    propertyCompany: company ? { id: company._id, name: company.name, phone: company.phone } : null,
    grid: { id: grid._id, name: grid.name, workerName: worker?.name, workerPhone: worker?.phone },
    community: { id: community._id, name: community.name, phone: community.phone },
    street: { id: building.streetId, name: unit(building.streetId).name },
    district: { id: building.districtId, name: unit(building.districtId).name },
  };
}

export const resolveCode: Handler<typeof orgContract.resolveCode> = ({ code }) => placeOfCode(code);
