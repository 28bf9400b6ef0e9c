import type { appealsContract } from '../../../types/appeals';
import { mapPage } from '../../../types/paging';
import type { Handler } from '../../core/router';
import { toSummary } from '../domain/views';
import { appealsRepo } from '../repos/appeals';

export const mine: Handler<typeof appealsContract.mine> = async ({ scope, page, pageSize }, { caller }) => {
  return mapPage(await appealsRepo.ofResident(caller.openid, scope, { page, pageSize }), toSummary);
};
