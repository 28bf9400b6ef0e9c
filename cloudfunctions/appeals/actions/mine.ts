import type { appealsContract } from '../../../types/appeals';
import type { Handler } from '../../core/router';
import { toSummary } from '../domain/views';
import { appealsRepo } from '../repos/appeals';

export const mine: Handler<typeof appealsContract.mine> = async ({ scope, page, pageSize }, { caller }) => {
  const { items, total } = await appealsRepo.ofResident(caller.openid, scope, page, pageSize);
  return { items: items.map(toSummary), total, page, pageSize };
};
