import type { Role } from './contract';

/** Org constants the app uses at run time; kept apart from the zod schemas so pages do not bundle zod. */
export const ORG_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** The staff roles of the four org levels, who work by jurisdiction (property staff work by company). */
export const ORG_STAFF_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'street_commander', 'district_commander'];

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

