/** A building and the units above it, as the place an appeal keeps (names copied for display). */
import type { PlaceRecords } from '../../core/repos/org';
import type { Place } from './model';

export function placeOf({ building, estate, propertyCompany, grid, community, street, district }: PlaceRecords): Place {
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
}
