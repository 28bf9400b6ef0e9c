/** 台账导出: staff's Excel exports of their jurisdiction, written in the background. */
import { ledgerContract } from '../../types/ledger';
import { fileJobCollection } from '../core/jobs/fileJobs';
import { defineModule } from '../core/module';

export const ledgerModule = defineModule({
  name: 'ledger',
  contract: ledgerContract,
  collections: [fileJobCollection('exports')],
  templates: {},
});
