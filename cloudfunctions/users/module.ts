/** People: residents with their household, staff with their roles and jurisdiction. */
import { usersContract } from '../../types/users';
import { defineModule } from '../core/module';

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
  ],
  templates: {},
});
