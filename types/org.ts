import { z } from 'zod';
import { action } from './contract';

export const ORG_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  district: '区市指挥中心',
  street: '街道分中心',
  community: '社区工作站',
  grid: '网格呼应点',
};

/** The city every building code must belong to (Yantai: administrative division prefix 3706). */
export const CITY_DIVISION_PREFIX = '3706';
export const CITY_NAME = '烟台市';

/**
 * A building code: the district's 6-digit division code, then 'B' and the building number.
 * It fits the mini-program code's 32-character `scene`.
 */
export const BUILDING_CODE_PATTERN = /^(\d{6})B(\d{4,10})$/;

export const BuildingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(BUILDING_CODE_PATTERN, { message: '楼栋码格式不正确' })
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
}

export interface PropertyCompany {
  _id: string;
  name: string;
  phone?: string;
}

export interface Building extends OrgPath {
  _id: string;
  code: string;
  name: string;
  address: string;
  estateId: string;
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

export const orgContract = {
  resolveCode: action<ResolvedPlace>()({
    input: z.object({ code: BuildingCode }),
    roles: 'anyone',
  }),
  /** Units under a parent (or the caller's own top units when no parent is given), within jurisdiction. */
  listUnits: action<OrgUnitView[]>()({
    input: z.object({ parentId: z.string().min(1).max(64).optional() }),
    roles: ['grid_worker', 'community_staff', 'street_commander', 'district_commander'],
  }),
  listBuildings: action<{ items: Array<Pick<Building, '_id' | 'code' | 'name' | 'address' | 'gridId'>>; total: number }>()({
    input: z.object({
      unitId: z.string().min(1).max(64),
      page: z.number().int().min(1).max(1000).default(1),
      pageSize: z.number().int().min(1).max(100).default(20),
    }),
    roles: ['grid_worker', 'community_staff', 'street_commander', 'district_commander'],
  }),
};
