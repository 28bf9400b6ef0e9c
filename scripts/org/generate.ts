/**
 * A generated org sheet at a chosen scale (default: Yantai's — 65 streets, 430 communities, 4,000
 * grids, 40,000 buildings over its 11 districts), for the integration test and the bench.
 * Deterministic: the same scale gives the same rows.
 */
import type { SheetData } from '../../cloudfunctions/org/import/workbook';

export interface OrgScale {
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  /** Estates per community. */
  estatesPerCommunity: number;
  propertyCompanies: number;
  buildings: number;
}

export const YANTAI_SCALE: OrgScale = { districts: 11, streets: 65, communities: 430, grids: 4000, estatesPerCommunity: 4, propertyCompanies: 200, buildings: 40_000 };

/** Yantai's districts and county-level cities with their division codes. */
const DISTRICTS: Array<[string, string]> = [
  ['370602', '芝罘区'],
  ['370611', '福山区'],
  ['370612', '牟平区'],
  ['370613', '莱山区'],
  ['370614', '蓬莱区'],
  ['370681', '龙口市'],
  ['370682', '莱阳市'],
  ['370683', '莱州市'],
  ['370685', '招远市'],
  ['370686', '栖霞市'],
  ['370687', '海阳市'],
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Spreads `count` children over `parents` in order, as evenly as possible: the parent index of each child. */
const spread = (count: number, parents: number) => Array.from({ length: count }, (_, i) => Math.floor((i * parents) / count));

export function generateOrgSheet(scale: OrgScale = YANTAI_SCALE) {
  if (scale.districts > DISTRICTS.length) throw new Error(`at most ${DISTRICTS.length} districts`);
  const districts = DISTRICTS.slice(0, scale.districts).map(([divisionCode, name], i) => ({ divisionCode, name, phone: `0535-62${pad(i, 5)}` }));
  const streetOf = spread(scale.streets, districts.length);
  const streets = streetOf.map((d, i) => ({ code: `S${pad(i + 1, 3)}`, name: `第${i + 1}街道`, district: districts[d].divisionCode, phone: `0535-66${pad(i, 5)}` }));
  const communityOf = spread(scale.communities, streets.length);
  const communities = communityOf.map((s, i) => ({ code: `C${pad(i + 1, 4)}`, name: `第${i + 1}社区`, street: streets[s].code, phone: `0535-67${pad(i, 5)}` }));
  const gridOf = spread(scale.grids, communities.length);
  const grids = gridOf.map((c, i) => ({ code: `G${pad(i + 1, 5)}`, name: `${communities[c].name}第${i + 1}网格`, community: communities[c].code }));
  const propertyCompanies = Array.from({ length: scale.propertyCompanies }, (_, i) => ({ code: `PC${pad(i + 1, 4)}`, name: `第${i + 1}物业服务有限公司`, phone: `0535-68${pad(i, 5)}` }));
  const estates = communities.flatMap((c, ci) =>
    Array.from({ length: scale.estatesPerCommunity }, (_, k) => {
      const n = ci * scale.estatesPerCommunity + k;
      return { code: `E${pad(n + 1, 5)}`, name: `第${n + 1}小区`, community: c.code, propertyCompany: n % 5 === 4 || propertyCompanies.length === 0 ? '' : propertyCompanies[n % propertyCompanies.length].code };
    }),
  );
  const buildingOf = spread(scale.buildings, grids.length);
  const perGrid = new Map<number, number>();
  const buildings = buildingOf.map((g) => {
    const n = (perGrid.get(g) ?? 0) + 1;
    perGrid.set(g, n);
    const c = gridOf[g];
    // the grid's buildings take turns over its community's estates
    const estate = estates[c * scale.estatesPerCommunity + ((g + n) % scale.estatesPerCommunity)];
    return { estate: estate.code, name: `${grids[g].code}-${n}号楼`, grid: grids[g].code, units: String(1 + (n % 4)), address: '', code: '' };
  });
  return { districts, streets, communities, grids, propertyCompanies, estates, buildings } satisfies SheetData;
}
