/** People: residents with their household and its verification (住户认证), staff with their roles and jurisdiction. */
import { usersContract } from '../../types/users';
import { defineModule } from '../core/module';
import { USERS_TEMPLATES } from './templates';

export const usersModule = defineModule({
  name: 'users',
  contract: usersContract,
  collections: [
    {
      name: 'users',
      indexes: [
        { name: 'roles', keys: { roles: 1 } },
        { name: 'jurisdiction', keys: { 'jurisdiction.unitIds': 1 } },
        { name: 'property', keys: { propertyCompanyId: 1 } },
      ],
    },
    {
      // 住户认证: one versioned document per person (_id = openid), its history inside.
      name: 'residences',
      indexes: [
        { name: 'grid_queue', keys: { gridId: 1, status: 1, requestedAt: 1 } },
        { name: 'community_queue', keys: { communityId: 1, status: 1, requestedAt: 1 } },
        { name: 'street_queue', keys: { streetId: 1, status: 1, requestedAt: 1 } },
        { name: 'district_queue', keys: { districtId: 1, status: 1, requestedAt: 1 } },
        // A scope's verified residents in `_id` pages (a vote's roll): equality, then the `_id` range in order.
        { name: 'building_verified_id', keys: { buildingId: 1, status: 1, _id: 1 } },
        { name: 'estate_verified_id', keys: { estateId: 1, status: 1, _id: 1 } },
        { name: 'community_verified_id', keys: { communityId: 1, status: 1, _id: 1 } },
        { name: 'household', keys: { householdKey: 1, status: 1 } },
        { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
      ],
    },
  ],
  templates: USERS_TEMPLATES,
});
