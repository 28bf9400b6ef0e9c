/** 人员与权限: invitations (a code used once, by its `_id` and a unique index) and the audit of staff changes. */
import { staffContract } from '../../types/staff';
import { defineModule } from '../core/module';

export const staffModule = defineModule({
  name: 'staff',
  contract: staffContract,
  collections: [
    {
      name: 'invitations',
      indexes: [
        { name: 'code', keys: { code: 1 }, unique: true },
        { name: 'request_key', keys: { requestKey: 1 }, unique: true },
        { name: 'issuer_created', keys: { 'invitedBy.openid': 1, createdAt: -1 } },
        { name: 'expires_at', keys: { expiresAt: 1 } },
      ],
    },
    {
      name: 'staffAudit',
      indexes: [
        { name: 'unit_at', keys: { unitPath: 1, at: -1 } },
        { name: 'company_at', keys: { propertyCompanyId: 1, at: -1 } },
      ],
    },
  ],
  templates: {},
});
