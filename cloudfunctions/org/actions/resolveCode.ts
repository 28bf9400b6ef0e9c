import type { orgContract } from '../../../types/org';
import { orgRepo } from '../../core/repos/org';
import { usersRepo } from '../../core/repos/users';
import type { Handler } from '../../core/router';

/** Building code → the building and every level above it; what the QR landing page shows. */
export const resolveCode: Handler<typeof orgContract.resolveCode> = async ({ code }) => {
  const { building, estate, propertyCompany, grid, community, street, district } = await orgRepo.placeOfCode(code);
  const worker = await usersRepo.gridWorker(grid._id);
  return {
    building: { id: building._id, code: building.code, name: building.name, address: building.address },
    estate: { id: estate._id, name: estate.name },
    propertyCompany: propertyCompany ? { id: propertyCompany._id, name: propertyCompany.name, phone: propertyCompany.phone } : null,
    grid: { id: grid._id, name: grid.name, workerName: worker?.name, workerPhone: worker?.phone },
    community: { id: community._id, name: community.name, phone: community.phone },
    street: { id: street._id, name: street.name },
    district: { id: district._id, name: district.name },
  };
};
