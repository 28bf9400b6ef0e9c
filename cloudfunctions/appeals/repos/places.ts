/** Where a building code points, in the shape an appeal keeps (names copied for display). */
import { orgRepo } from '../../core/repos/org';
import type { Place } from '../domain/model';

export const placesRepo = {
  async byCode(code: string): Promise<Place> {
    const { building, estate, propertyCompany, grid, community, street, district } = await orgRepo.placeOfCode(code);
    return {
      buildingId: building._id,
      buildingCode: building.code,
      buildingName: building.name,
      address: building.address,
      estateId: estate._id,
      estateName: estate.name,
      propertyCompanyId: propertyCompany?._id ?? null,
      propertyCompanyName: propertyCompany?.name ?? null,
      propertyCompanyPhone: propertyCompany?.phone ?? null,
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
