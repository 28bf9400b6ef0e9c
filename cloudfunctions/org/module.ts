/** The org tree (区市 → 街道 → 社区 → 网格 → 楼栋), estates and the holiday calendar. */
import { orgContract } from '../../types/org';
import { defineModule } from '../core/module';

export const orgModule = defineModule({
  name: 'org',
  contract: orgContract,
  collections: [
    { name: 'orgUnits', indexes: [{ name: 'parent', keys: { parentId: 1 } }, { name: 'level', keys: { level: 1 } }] },
    { name: 'estates', indexes: [{ name: 'community', keys: { communityId: 1 } }, { name: 'property', keys: { propertyCompanyId: 1 } }] },
    { name: 'buildings', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }, { name: 'grid', keys: { gridId: 1 } }, { name: 'district_id', keys: { districtId: 1, _id: 1 } }] }, // district_id: the org import reads a district's buildings in _id order
    { name: 'propertyCompanies', indexes: [] },
    // each year's official holiday schedule, `_id` = the year, its audit in `history`
    { name: 'holidaySchedules', indexes: [] },
  ],
  templates: {},
});
