/** 台账导出: staff's Excel exports of their jurisdiction, written in the background. */
import { ledgerContract } from '../../types/ledger';
import { defineModule } from '../core/module';

export const ledgerModule = defineModule({
  name: 'ledger',
  contract: ledgerContract,
  collections: [
    {
      name: 'exports',
      indexes: [
        { name: 'requester_created', keys: { 'requester.openid': 1, createdAt: -1 } },
        { name: 'due_at', keys: { dueAt: 1 } },
      ],
    },
  ],
  templates: {},
});
