import type { OrgLevel, orgContract } from '../../../types/org';
import { coversUnitPath } from '../../core/auth/caller';
import { forbidden, notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';

const FIELD_OF_LEVEL: Record<OrgLevel, 'gridId' | 'communityId' | 'streetId' | 'districtId'> = {
  grid: 'gridId',
  community: 'communityId',
  street: 'streetId',
  district: 'districtId',
};

export const listBuildings: Handler<typeof orgContract.listBuildings> = async ({ unitId, page, pageSize }, { caller }) => {
  const unit = await orgRepo.unit(unitId);
  if (!unit) throw notFound('找不到该单位');
  if (!coversUnitPath(caller, unit.path)) throw forbidden('该单位不在您的辖区内');
  const { total, items } = await orgRepo.buildingsUnder(FIELD_OF_LEVEL[unit.level], unitId, page, pageSize);
  return { total, items: items.map(({ _id, code, name, address, gridId }) => ({ _id, code, name, address, gridId })) };
};
