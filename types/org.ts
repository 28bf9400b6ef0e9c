import { z } from 'zod';
import { pageInput, type Page } from './paging';
import { action } from './contract';
import { calendarContract } from './calendar';

export * from './org.constants';
import { BUILDING_CODE_PATTERN, CITY_DIVISION_PREFIX, ORG_STAFF_ROLES, type OrgLevel } from './org.constants';

export const BuildingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(BUILDING_CODE_PATTERN, { message: '楼栋码格式不正确', abort: true })
  .refine((code) => code.startsWith(CITY_DIVISION_PREFIX), { message: '这不是本市的楼栋码' });

export interface OrgUnit {
  _id: string;
  level: OrgLevel;
  name: string;
  parentId: string | null;
  /** Ancestors from the district down, ending with this unit. */
  path: string[];
  /** 6-digit division code, districts only. */
  divisionCode?: string;
  phone?: string;
  /** The district's own code of the unit (streets, communities, grids imported from the org sheet). */
  code?: string;
}

export interface OrgPath {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
}

export interface Estate {
  _id: string;
  name: string;
  communityId: string;
  propertyCompanyId: string | null;
  /** The district's own code of the estate (imported from the org sheet). */
  code?: string;
}

export interface PropertyCompany {
  _id: string;
  name: string;
  phone?: string;
  /** The company's code in the org sheet (e.g. its 统一社会信用代码). */
  code?: string;
}

export interface Building extends OrgPath {
  _id: string;
  code: string;
  name: string;
  address: string;
  estateId: string;
  /** The building's units (单元), e.g. ['1单元', '2单元'], as imported from the org sheet. */
  units?: string[];
}

export interface ResolvedPlace {
  building: { id: string; code: string; name: string; address: string };
  estate: { id: string; name: string };
  propertyCompany: { id: string; name: string; phone?: string } | null;
  grid: { id: string; name: string; workerName?: string; workerPhone?: string };
  community: { id: string; name: string; phone?: string };
  street: { id: string; name: string };
  district: { id: string; name: string };
}

export interface OrgUnitView {
  id: string;
  level: OrgLevel;
  name: string;
  parentId: string | null;
  childCount: number;
}

/** One problem of an org sheet, where a person finds it in Excel: sheet, row and column header. */
export interface OrgImportProblem {
  sheet: string;
  /** The Excel row number (the header is row 1); 0 when the problem is the sheet itself. */
  row: number;
  /** The column header, '' when the problem is the row or the sheet. */
  column: string;
  message: string;
}

export interface OrgImportCount {
  created: number;
  updated: number;
  unchanged: number;
}

export type OrgImportKind = 'districts' | 'streets' | 'communities' | 'grids' | 'propertyCompanies' | 'estates' | 'buildings';

export type OrgImportResult =
  | { status: 'invalid'; problems: OrgImportProblem[]; problemCount: number }
  | { status: 'planned' | 'imported'; counts: Record<OrgImportKind, OrgImportCount>; newCodes: number };

/** At most this many problems are returned; `problemCount` says how many there were. */
export const ORG_IMPORT_PROBLEMS_SHOWN = 200;

export const orgImportContract = {
  /** A district admin imports the org sheet they uploaded (`uploads/<openid>/…`); `dryRun` only checks and counts. */
  importOrg: action<OrgImportResult>()({
    input: z.object({ fileId: z.string().min(1).max(1024), dryRun: z.boolean().default(false) }),
    roles: ['district_commander'],
  }),
};

export const orgContract = {
  ...calendarContract,
  ...orgImportContract,
  resolveCode: action<ResolvedPlace>()({
    input: z.object({ code: BuildingCode }),
    roles: 'anyone',
  }),
  /** Units under a parent (or the caller's own top units when no parent is given), within jurisdiction. */
  listUnits: action<OrgUnitView[]>()({
    input: z.object({ parentId: z.string().min(1).max(64).optional() }),
    roles: ORG_STAFF_ROLES,
  }),
  listBuildings: action<Page<Pick<Building, '_id' | 'code' | 'name' | 'address' | 'gridId'>>>()({
    input: z.object({ unitId: z.string().min(1).max(64), ...pageInput(100) }),
    roles: ORG_STAFF_ROLES,
  }),
};
