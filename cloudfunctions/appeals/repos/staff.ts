/** Who works for a holder now: the people its notifications go to. */
import type { Role } from '../../../types/contract';
import type { OrgLevel } from '../../../types/org.constants';
import { usersRepo } from '../../core/repos/users';
import type { Holder, Person, Place } from '../domain/model';

const ROLE_OF_LEVEL: Record<OrgLevel, Role> = {
  grid: 'grid_worker',
  community: 'community_staff',
  street: 'street_commander',
  district: 'district_commander',
};

export const staffRepo = {
  forHolder(holder: Holder, place: Place): Promise<Person[]> {
    switch (holder.kind) {
      case 'unit':
        return usersRepo.staffCovering(holder.id, ROLE_OF_LEVEL[holder.level]);
      case 'property':
        return usersRepo.propertyStaff(holder.id);
      case 'enforcement':
        return usersRepo.staffCovering(place.streetId, 'street_commander');
    }
  },
};
