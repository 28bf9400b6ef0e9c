import { ledgerContract } from '../../types/ledger';
import { createFunction } from '../core/router';
import { download } from './actions/download';
import { list } from './actions/list';
import { request } from './actions/request';
import { generateExports } from './jobs/generateExports';

export const main = createFunction('ledger', ledgerContract, { request, list, download }, { generateExports });
