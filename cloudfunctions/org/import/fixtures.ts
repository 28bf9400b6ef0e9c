/** Test data for the org import. */
import type { OrgSheets } from './sheets';

/** A small valid org sheet: one district, street, community, two grids, a company, an estate, two buildings. */
export function sampleSheets(): OrgSheets {
  return {
    districts: [{ row: 2, divisionCode: '370602', name: '芝罘区', phone: '0535-6231234' }],
    streets: [{ row: 2, code: '001', name: '向阳街道', district: '370602', phone: '' }],
    communities: [{ row: 2, code: '001001', name: '海岸社区', street: '001', phone: '' }],
    grids: [
      { row: 2, code: 'G1', name: '第一网格', community: '001001' },
      { row: 3, code: 'G2', name: '第二网格', community: '001001' },
    ],
    propertyCompanies: [{ row: 2, code: 'AJ', name: '安居物业', phone: '0535-6888001' }],
    estates: [{ row: 2, code: 'HA', name: '海岸花园', community: '001001', propertyCompany: 'AJ' }],
    buildings: [
      { row: 2, estate: 'HA', name: '1号楼', grid: 'G1', units: '2', address: '', code: '' },
      { row: 3, estate: 'HA', name: '2号楼', grid: 'G2', units: '东单元、西单元', address: '海岸路 2 号', code: '' },
    ],
  };
}
