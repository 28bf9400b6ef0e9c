/** Who works for a holder now: the people its notifications go to. */
import { roleOfHolder } from '../../core/auth/jurisdiction';
import { usersRepo } from '../../core/repos/users';
import type { Holder, Person, Place } from '../domain/model';

export const staffRepo = {
  forHolder(holder: Holder, place: Place): Promise<Person[]> {
    switch (holder.kind) {
      case 'unit':
        return usersRepo.staffCovering(holder.id, roleOfHolder(holder));
      case 'property':
        return usersRepo.propertyStaff(holder.id);
      case 'enforcement':
        return usersRepo.staffCovering(place.streetId, roleOfHolder(holder));
    }
  },
};
