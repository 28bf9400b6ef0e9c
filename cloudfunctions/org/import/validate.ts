/**
 * Checks every row of an org sheet before anything is written, and resolves the references between
 * sheets (a grid's community, a building's estate and grid). Pure: rows in, problems or a draft out.
 */
import type { OrgImportProblem } from '../../../types/org';
import { BUILDING_CODE_PATTERN, CITY_DIVISION_PREFIX, CITY_NAME } from '../../../types/org.constants';
import { headerOf, sheetOf, type OrgSheets, type SheetKind } from './sheets';

/** A row of any sheet, for checks that work column by column. */
type LooseRow = { readonly row: number; readonly [key: string]: string | number };

/** Document ids follow from codes, so the same row always lands on the same document. */
export const orgIds = {
  district: (divisionCode: string) => `d-${divisionCode}`,
  street: (divisionCode: string, code: string) => `s-${divisionCode}-${code}`,
  community: (divisionCode: string, code: string) => `c-${divisionCode}-${code}`,
  grid: (divisionCode: string, code: string) => `g-${divisionCode}-${code}`,
  estate: (divisionCode: string, code: string) => `e-${divisionCode}-${code}`,
  propertyCompany: (code: string) => `pc-${code}`,
  building: (buildingCode: string) => `b-${buildingCode}`,
};

export interface DraftUnit {
  row: number;
  id: string;
  code?: string;
  name: string;
  phone?: string;
  parentId: string | null;
  path: string[];
  divisionCode: string;
}

export interface DraftPropertyCompany {
  row: number;
  id: string;
  code: string;
  name: string;
  phone?: string;
}

export interface DraftEstate {
  row: number;
  id: string;
  code: string;
  name: string;
  communityId: string;
  propertyCompanyId: string | null;
  divisionCode: string;
}

export interface DraftBuilding {
  row: number;
  name: string;
  estateId: string;
  gridId: string;
  communityId: string;
  streetId: string;
  districtId: string;
  divisionCode: string;
  address: string;
  units: string[];
  /** The code written in the sheet (a building imported before), if any. */
  code?: string;
}

export interface OrgDraft {
  districts: DraftUnit[];
  streets: DraftUnit[];
  communities: DraftUnit[];
  grids: DraftUnit[];
  propertyCompanies: DraftPropertyCompany[];
  estates: DraftEstate[];
  buildings: DraftBuilding[];
}

export type Validation = { ok: true; draft: OrgDraft } | { ok: false; problems: OrgImportProblem[] };

const CODE = /^[0-9A-Za-z][0-9A-Za-z_-]{0,23}$/;
const DIVISION = /^\d{6}$/;
const PHONE = /^[0-9+\-() ]{3,24}$/;
const NAME_MAX = 40;
const ADDRESS_MAX = 100;
const UNITS_MAX = 99;
const UNIT_NAME_MAX = 12;

/** Problems as a person finds them: sheet, Excel row and column header. */
export class ProblemList {
  readonly items: OrgImportProblem[] = [];
  add(kind: SheetKind, row: number, key: string | null, message: string): void {
    this.items.push({ sheet: sheetOf(kind).name, row, column: key ? headerOf(kind, key) : '', message });
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
}

const SHEET_ORDER: SheetKind[] = ['districts', 'streets', 'communities', 'grids', 'propertyCompanies', 'estates', 'buildings'];

/** Sheet order, then row, then column order: how a person reads the list. */
export function sortProblems(problems: OrgImportProblem[]): OrgImportProblem[] {
  const sheetRank = new Map<string, number>(SHEET_ORDER.map((k, i) => [sheetOf(k).name, i]));
  const colRank = (p: OrgImportProblem) => {
    const kind = SHEET_ORDER[sheetRank.get(p.sheet) ?? 0];
    const i = sheetOf(kind).columns.findIndex((c) => c.header === p.column);
    return i < 0 ? -1 : i;
  };
  return [...problems].sort((a, b) => (sheetRank.get(a.sheet) ?? 99) - (sheetRank.get(b.sheet) ?? 99) || a.row - b.row || colRank(a) - colRank(b));
}

/** The units a cell lists: a count (3 → 1单元…3单元), or names separated by 、，, ; or spaces. */
export function parseUnits(text: string): string[] | string {
  if (text === '') return [];
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < 1 || n > UNITS_MAX) return `单元数应为 1 到 ${UNITS_MAX}`;
    return Array.from({ length: n }, (_, i) => `${i + 1}单元`);
  }
  const names = text.split(/[、，,;；\s]+/).filter(Boolean);
  if (names.length > UNITS_MAX) return `单元不能超过 ${UNITS_MAX} 个`;
  if (names.some((n) => n.length > UNIT_NAME_MAX)) return `单元名称不能超过 ${UNIT_NAME_MAX} 个字`;
  if (new Set(names).size !== names.length) return '单元名称有重复';
  return names;
}

export function validateOrgSheets(sheets: OrgSheets): Validation {
  const problems = new ProblemList();

  /** Required, name-like text; '' after a problem. */
  const text = (kind: SheetKind, r: LooseRow, key: string, max: number, required: boolean): string => {
    const value = String(r[key] ?? '');
    if (value === '') {
      if (required) problems.add(kind, r.row, key, `缺少${headerOf(kind, key)}`);
      return '';
    }
    if (value.length > max) {
      problems.add(kind, r.row, key, `${headerOf(kind, key)}不能超过 ${max} 个字`);
      return '';
    }
    return value;
  };
  const phone = (kind: SheetKind, r: LooseRow, key: string): string | undefined => {
    const value = String(r[key] ?? '');
    if (value === '') return undefined;
    if (!PHONE.test(value)) problems.add(kind, r.row, key, `联系电话“${value}”格式不正确`);
    return value;
  };
  /** The row's own code: format, and unique within its sheet. */
  const ownCode = (kind: SheetKind, r: LooseRow, key: string, seen: Map<string, number>, pattern = CODE): string => {
    const value = String(r[key] ?? '');
    if (value === '') {
      problems.add(kind, r.row, key, `缺少${headerOf(kind, key)}`);
      return '';
    }
    if (!pattern.test(value)) {
      problems.add(kind, r.row, key, pattern === DIVISION ? `区划代码“${value}”应为 6 位数字` : `编码“${value}”只能由字母、数字、- 和 _ 组成，不超过 24 位`);
      return '';
    }
    const first = seen.get(value);
    if (first !== undefined) {
      problems.add(kind, r.row, key, `${headerOf(kind, key)}“${value}”与第 ${first} 行重复`);
      return '';
    }
    seen.set(value, r.row);
    return value;
  };
  /** A reference to a row of another sheet; null (after a problem) when there is none. */
  const ref = <T>(kind: SheetKind, r: LooseRow, key: string, target: Map<string, T>, targetKind: SheetKind, required = true): T | null => {
    const value = String(r[key] ?? '');
    if (value === '') {
      if (required) problems.add(kind, r.row, key, `缺少${headerOf(kind, key)}`);
      return null;
    }
    const found = target.get(value);
    if (found === undefined) problems.add(kind, r.row, key, `${headerOf(kind, key)}“${value}”在“${sheetOf(targetKind).name}”表中不存在`);
    return found ?? null;
  };

  // 区市
  const districts = new Map<string, DraftUnit>();
  const seenDistricts = new Map<string, number>();
  for (const r of sheets.districts) {
    const divisionCode = ownCode('districts', r, 'divisionCode', seenDistricts, DIVISION);
    if (divisionCode && !divisionCode.startsWith(CITY_DIVISION_PREFIX)) {
      problems.add('districts', r.row, 'divisionCode', `区划代码“${divisionCode}”不属于${CITY_NAME}（应以 ${CITY_DIVISION_PREFIX} 开头）`);
      continue;
    }
    const name = text('districts', r, 'name', NAME_MAX, true);
    const tel = phone('districts', r, 'phone');
    if (!divisionCode) continue;
    const id = orgIds.district(divisionCode);
    districts.set(divisionCode, { row: r.row, id, name, phone: tel, parentId: null, path: [id], divisionCode });
  }
  if (sheets.districts.length === 0) problems.add('districts', 0, null, '“区市”表至少需要一行（示例行原样保留时不会导入）');

  // 街道、社区、网格: each under a row of the sheet above.
  const level = (
    kind: 'streets' | 'communities' | 'grids',
    parentKey: string,
    parents: Map<string, DraftUnit>,
    parentKind: SheetKind,
    idOf: (division: string, code: string) => string,
  ): Map<string, DraftUnit> => {
    const out = new Map<string, DraftUnit>();
    const seen = new Map<string, number>();
    for (const r of sheets[kind] as LooseRow[]) {
      const code = ownCode(kind, r, 'code', seen);
      const name = text(kind, r, 'name', NAME_MAX, true);
      const parent = ref(kind, r, parentKey, parents, parentKind);
      const tel = 'phone' in r ? phone(kind, r, 'phone') : undefined;
      if (!code || !parent) continue;
      const id = idOf(parent.divisionCode, code);
      out.set(code, { row: r.row, id, code, name, ...(tel ? { phone: tel } : {}), parentId: parent.id, path: [...parent.path, id], divisionCode: parent.divisionCode });
    }
    return out;
  };
  const streets = level('streets', 'district', districts, 'districts', orgIds.street);
  const communities = level('communities', 'street', streets, 'streets', orgIds.community);
  const grids = level('grids', 'community', communities, 'communities', orgIds.grid);

  // 物业公司
  const companies = new Map<string, DraftPropertyCompany>();
  const seenCompanies = new Map<string, number>();
  for (const r of sheets.propertyCompanies) {
    const code = ownCode('propertyCompanies', r, 'code', seenCompanies);
    const name = text('propertyCompanies', r, 'name', NAME_MAX, true);
    const tel = phone('propertyCompanies', r, 'phone');
    if (code) companies.set(code, { row: r.row, id: orgIds.propertyCompany(code), code, name, ...(tel ? { phone: tel } : {}) });
  }

  // 小区
  const estates = new Map<string, DraftEstate & { community: DraftUnit }>();
  const seenEstates = new Map<string, number>();
  for (const r of sheets.estates) {
    const code = ownCode('estates', r, 'code', seenEstates);
    const name = text('estates', r, 'name', NAME_MAX, true);
    const community = ref('estates', r, 'community', communities, 'communities');
    const company = ref('estates', r, 'propertyCompany', companies, 'propertyCompanies', false);
    if (!code || !community) continue;
    estates.set(code, {
      row: r.row,
      id: orgIds.estate(community.divisionCode, code),
      code,
      name,
      communityId: community.id,
      propertyCompanyId: company?.id ?? null,
      divisionCode: community.divisionCode,
      community,
    });
  }

  // 楼栋
  const buildings: DraftBuilding[] = [];
  const seenNames = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const unitName = (id: string, map: Map<string, DraftUnit>) => [...map.values()].find((u) => u.id === id)?.name ?? '';
  const byId = new Map<string, DraftUnit>([...districts.values(), ...streets.values(), ...communities.values(), ...grids.values()].map((u) => [u.id, u]));
  for (const r of sheets.buildings) {
    const name = text('buildings', r, 'name', NAME_MAX, true);
    const estate = ref('buildings', r, 'estate', estates, 'estates');
    const grid = r.grid === '' ? null : ref('buildings', r, 'grid', grids, 'grids');
    if (r.grid === '') problems.add('buildings', r.row, 'grid', '楼栋必须填写所属网格（网格编码）');
    const units = parseUnits(r.units);
    if (typeof units === 'string') problems.add('buildings', r.row, 'units', units);
    const address = text('buildings', r, 'address', ADDRESS_MAX, false);
    let code: string | undefined;
    if (r.code !== '') {
      const upper = r.code.toUpperCase();
      const first = seenCodes.get(upper);
      if (!BUILDING_CODE_PATTERN.test(upper)) problems.add('buildings', r.row, 'code', `楼栋码“${r.code}”格式不正确；新楼栋请留空，由系统生成`);
      else if (first !== undefined) problems.add('buildings', r.row, 'code', `楼栋码“${upper}”与第 ${first} 行重复`);
      else if (estate && !upper.startsWith(estate.divisionCode)) problems.add('buildings', r.row, 'code', `楼栋码“${upper}”不属于区划 ${estate.divisionCode}`);
      else code = upper;
      seenCodes.set(upper, first ?? r.row);
    }
    if (!estate || !grid || !name) continue;
    if (grid.parentId !== estate.communityId) {
      problems.add('buildings', r.row, 'grid', `网格“${r.grid}”属于${unitName(grid.parentId ?? '', communities) || '另一社区'}，小区“${r.estate}”属于${estate.community.name}，应在同一社区`);
      continue;
    }
    const key = `${estate.id}|${name}`;
    const firstRow = seenNames.get(key);
    if (firstRow !== undefined) {
      problems.add('buildings', r.row, 'name', `小区“${estate.name}”中已有楼栋“${name}”（第 ${firstRow} 行）`);
      continue;
    }
    seenNames.set(key, r.row);
    const [districtId, streetId, communityId] = grid.path;
    const fullAddress = address || `${CITY_NAME}${byId.get(districtId)?.name ?? ''}${byId.get(streetId)?.name ?? ''}${estate.name}${name}`;
    buildings.push({
      row: r.row,
      name,
      estateId: estate.id,
      gridId: grid.id,
      communityId,
      streetId,
      districtId,
      divisionCode: estate.divisionCode,
      address: fullAddress,
      units: typeof units === 'string' ? [] : units,
      ...(code ? { code } : {}),
    });
  }

  if (!problems.empty) return { ok: false, problems: sortProblems(problems.items) };
  const strip = <T extends { community?: unknown }>({ community: _c, ...rest }: T) => rest;
  return {
    ok: true,
    draft: {
      districts: [...districts.values()],
      streets: [...streets.values()],
      communities: [...communities.values()],
      grids: [...grids.values()],
      propertyCompanies: [...companies.values()],
      estates: [...estates.values()].map(strip),
      buildings,
    },
  };
}
