/** The caller's own exports, newest first, with their progress. */
import type { ledgerContract } from '../../../types/ledger';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { toView } from '../domain/model';
import { exportsRepo } from '../repos/exports';

export const list: Handler<typeof ledgerContract.list> = async (input, { caller }) =>
  mapPage(await exportsRepo.mine(caller.openid, { page: input.page, pageSize: input.pageSize }), toView);
