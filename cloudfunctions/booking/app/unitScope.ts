/** Which bookings a unit's view covers: a community's, a street's or a district's (a grid reads its community's). */
import type { OrgUnit } from '../../../types/org';
import { notFound } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { UnitField } from '../repos/bookings';

export async function unitScope(unit: OrgUnit): Promise<{ unit: OrgUnit; field: UnitField; childField: UnitField | null }> {
  switch (unit.level) {
    case 'grid': {
      const community = unit.parentId ? await orgRepo.unit(unit.parentId) : null;
      if (!community) throw notFound('找不到该网格所在社区');
      return { unit: community, field: 'communityId', childField: null };
    }
    case 'community':
      return { unit, field: 'communityId', childField: null };
    case 'street':
      return { unit, field: 'streetId', childField: 'communityId' };
    case 'district':
      return { unit, field: 'districtId', childField: 'streetId' };
  }
}
