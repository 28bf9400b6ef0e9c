/** The caller's own poster batches, newest first, with their progress. */
import type { postersContract } from '../../../types/posters';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { toView } from '../domain/model';
import { batchesRepo } from '../repos/batches';

export const list: Handler<typeof postersContract.list> = async (input, { caller }) =>
  mapPage(await batchesRepo.mine(caller.openid, { page: input.page, pageSize: input.pageSize }), toView);
