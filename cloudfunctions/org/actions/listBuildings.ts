import type { orgContract } from '../../../types/org';
import { coversUnitPath, LEVEL } from '../../core/auth/jurisdiction';
import { forbidden, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';

export const listBuildings: Handler<typeof orgContract.listBuildings> = async ({ unitId, page, pageSize }, { caller }) => {
  const unit = await orgRepo.unit(unitId);
  if (!unit) throw notFound('找不到该单位');
  if (!coversUnitPath(caller, unit.path)) throw forbidden('该单位不在您的辖区内');
  const found = await orgRepo.buildingsUnder(LEVEL[unit.level].id, unitId, { page, pageSize });
  return { ...found, items: found.items.map(({ _id, code, name, address, gridId }) => ({ _id, code, name, address, gridId })) };
};
