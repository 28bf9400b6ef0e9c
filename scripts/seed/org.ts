import type { Building, Estate, OrgUnit, PropertyCompany } from '../../types/org';
import { CITY_NAME } from '../../types/org.constants';
import type { UserDoc } from '../../types/users';

/** Demo data: a district of Yantai with its streets, communities, grids, estates, buildings and staff. */
const DISTRICT = { id: 'd-370602', name: '芝罘区', divisionCode: '370602', phone: '0535-6231234' };

const STREETS: Array<{ id: string; name: string; communities: Array<{ id: string; name: string; phone: string; estates: Array<[string, string | null]> }> }> = [
  {
    id: 's-xiangyang',
    name: '向阳街道',
    communities: [
      { id: 'c-haian', name: '海岸社区', phone: '0535-6601101', estates: [['海岸花园', 'pc-anju'], ['渔港新村', null]] },
      { id: 'c-shengli', name: '胜利路社区', phone: '0535-6601102', estates: [['胜利小区', 'pc-huamei'], ['朝阳里', null]] },
    ],
  },
  {
    id: 's-dongshan',
    name: '东山街道',
    communities: [
      { id: 'c-yuhuang', name: '毓秀社区', phone: '0535-6602201', estates: [['毓秀苑', 'pc-huamei'], ['东山雅居', 'pc-anju']] },
      { id: 'c-qishan', name: '奇山社区', phone: '0535-6602202', estates: [['奇山家园', 'pc-lianhe'], ['所城里', null]] },
    ],
  },
  {
    id: 's-xingfu',
    name: '幸福街道',
    communities: [
      { id: 'c-xingfu', name: '幸福社区', phone: '0535-6603301', estates: [['幸福十一村', 'pc-lianhe'], ['福山路小区', null]] },
      { id: 'c-tongshen', name: '通伸社区', phone: '0535-6603302', estates: [['通伸花苑', 'pc-anju'], ['通伸东村', null]] },
    ],
  },
];

export const PROPERTY_COMPANIES: PropertyCompany[] = [
  { _id: 'pc-anju', name: '安居物业服务有限公司', phone: '0535-6888001' },
  { _id: 'pc-huamei', name: '华美物业管理有限公司', phone: '0535-6888002' },
  { _id: 'pc-lianhe', name: '联合物业服务有限公司', phone: '0535-6888003' },
];

const GRID_NAMES = ['第一网格', '第二网格', '第三网格'];
const GRID_WORKERS = ['张丽', '周强', '吴敏', '郑华', '冯静', '陈刚', '褚红', '卫东', '蒋涛', '沈梅', '韩磊', '杨帆', '朱琳', '秦峰', '许婷', '何勇', '吕娜', '施斌'];
const BUILDINGS_PER_GRID = 4;

export interface OrgSeed {
  units: OrgUnit[];
  estates: Estate[];
  buildings: Building[];
  propertyCompanies: PropertyCompany[];
  users: UserDoc[];
}

export function orgSeed(createdAt = new Date()): OrgSeed {
  const units: OrgUnit[] = [
    { _id: DISTRICT.id, level: 'district', name: DISTRICT.name, parentId: null, path: [DISTRICT.id], divisionCode: DISTRICT.divisionCode, phone: DISTRICT.phone },
  ];
  const estates: Estate[] = [];
  const buildings: Building[] = [];
  const users: UserDoc[] = [];
  let buildingNo = 0;
  let gridNo = 0;

  for (const street of STREETS) {
    units.push({ _id: street.id, level: 'street', name: street.name, parentId: DISTRICT.id, path: [DISTRICT.id, street.id] });
    for (const community of street.communities) {
      const communityPath = [DISTRICT.id, street.id, community.id];
      units.push({ _id: community.id, level: 'community', name: community.name, parentId: street.id, path: communityPath, phone: community.phone });
      community.estates.forEach(([name, propertyCompanyId], i) =>
        estates.push({ _id: `${community.id}-e${i + 1}`, name, communityId: community.id, propertyCompanyId }),
      );
      GRID_NAMES.forEach((gridName, g) => {
        const gridId = `g-${community.id.slice(2)}-${g + 1}`;
        units.push({ _id: gridId, level: 'grid', name: `${community.name}${gridName}`, parentId: community.id, path: [...communityPath, gridId] });
        const worker = GRID_WORKERS[gridNo++ % GRID_WORKERS.length];
        users.push({
          _id: `staff-${gridId}`,
          name: worker,
          phone: `1386355${String(gridNo).padStart(4, '0')}`,
          roles: ['grid_worker'],
          jurisdiction: { level: 'grid', unitIds: [gridId] },
          createdAt,
        });
        for (let b = 0; b < BUILDINGS_PER_GRID; b++) {
          buildingNo += 1;
          const estate = estates[estates.length - 2 + (g === 2 && b >= 2 ? 1 : g % 2)];
          const number = (g * BUILDINGS_PER_GRID + b + 1);
          buildings.push({
            _id: `b-${String(buildingNo).padStart(4, '0')}`,
            code: `${DISTRICT.divisionCode}B${String(buildingNo).padStart(4, '0')}`,
            name: `${number}号楼`,
            address: `${CITY_NAME}${DISTRICT.name}${street.name}${estate.name}${number}号楼`,
            estateId: estate._id,
            gridId,
            communityId: community.id,
            streetId: street.id,
            districtId: DISTRICT.id,
          });
        }
      });
    }
  }

  // The demo personas: the grid workers of 海岸社区's first two grids become named personas.
  const persona = (id: string, doc: Omit<UserDoc, '_id' | 'createdAt'>, label: string, order: number) =>
    ({ _id: id, ...doc, createdAt, demo: { label, order } }) satisfies UserDoc;
  const replaced = new Set(['staff-g-haian-1', 'staff-g-haian-2']);
  const staff = users.filter((u) => !replaced.has(u._id));
  const personas: UserDoc[] = [
    persona('demo-resident', { name: '王秀英', phone: '13905351234', roles: ['resident'], household: { buildingId: 'b-0001', room: '2单元301' } }, '居民 · 王秀英（海岸花园1号楼）', 1),
    persona('demo-resident-2', { name: '孙海燕', phone: '13905355678', roles: ['resident'], household: { buildingId: 'b-0002', room: '1单元502' } }, '居民 · 孙海燕（海岸花园2号楼）', 2),
    persona('demo-volunteer', { name: '李建国', phone: '13705359876', roles: ['resident', 'volunteer'], household: { buildingId: 'b-0005' } }, '志愿者 · 李建国（双报到党员）', 3),
    persona('demo-grid-worker', { name: '张丽', phone: '13863550001', roles: ['grid_worker'], jurisdiction: { level: 'grid', unitIds: ['g-haian-1'] } }, '网格员 · 张丽（海岸社区第一网格）', 4),
    persona('demo-grid-worker-2', { name: '周强', phone: '13863550002', roles: ['grid_worker'], jurisdiction: { level: 'grid', unitIds: ['g-haian-2'] } }, '网格员 · 周强（海岸社区第二网格）', 5),
    persona('demo-community-staff', { name: '刘洋', phone: '13863551001', roles: ['community_staff'], jurisdiction: { level: 'community', unitIds: ['c-haian'] } }, '社区工作者 · 刘洋（海岸社区）', 6),
    persona('demo-street', { name: '陈志强', phone: '13863552001', roles: ['street_commander'], jurisdiction: { level: 'street', unitIds: ['s-xiangyang'] } }, '街道分中心 · 陈志强（向阳街道）', 7),
    persona('demo-district', { name: '马军', phone: '13863553001', roles: ['district_commander'], jurisdiction: { level: 'district', unitIds: [DISTRICT.id] } }, '区市指挥中心 · 马军（芝罘区）', 8),
    persona('demo-property', { name: '赵敏', phone: '13863554001', roles: ['property_staff'], propertyCompanyId: 'pc-anju' }, '物业 · 赵敏（安居物业）', 9),
  ];
  return { units, estates, buildings, propertyCompanies: PROPERTY_COMPANIES, users: [...personas, ...staff] };
}
