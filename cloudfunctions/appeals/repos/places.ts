/** Where a building code points: the building and every unit above it, as the appeal keeps it. */
import { notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Place } from '../domain/model';

export const placesRepo = {
  async byCode(code: string): Promise<Place> {
    const building = await orgRepo.buildingByCode(code);
    if (!building) throw notFound('找不到该楼栋码对应的楼栋');
    const [units, estate] = await Promise.all([
      orgRepo.units([building.gridId, building.communityId, building.streetId, building.districtId]),
      orgRepo.estate(building.estateId),
    ]);
    const unit = (id: string) => units.find((u) => u._id === id);
    const grid = unit(building.gridId);
    const community = unit(building.communityId);
    const street = unit(building.streetId);
    const district = unit(building.districtId);
    if (!grid || !community || !street || !district || !estate) throw notFound('该楼栋的网格信息不完整，请联系社区');
    const company = estate.propertyCompanyId ? await orgRepo.propertyCompany(estate.propertyCompanyId) : null;
    return {
      buildingId: building._id,
      buildingCode: building.code,
      buildingName: building.name,
      address: building.address,
      estateId: estate._id,
      estateName: estate.name,
      propertyCompanyId: company?._id ?? null,
      propertyCompanyName: company?.name ?? null,
      propertyCompanyPhone: company?.phone ?? null,
      gridId: grid._id,
      gridName: grid.name,
      communityId: community._id,
      communityName: community.name,
      communityPhone: community.phone ?? null,
      streetId: street._id,
      streetName: street.name,
      districtId: district._id,
      districtName: district.name,
    };
  },
};
