/**
 * Jurisdiction, in one place: the org-level tables and the answer to "does this person cover this
 * place / unit / holder". Pure: a person's roles and jurisdiction as loaded from `users`.
 * Every staff right requires a *current* staff role: someone whose roles no longer include one
 * loses staff access at once, whatever they touched before.
 */
import { STAFF_ROLES, type Role } from '../../../types/contract';
import { ORG_LEVELS, ORG_STAFF_ROLES, type OrgLevel } from '../../../types/org.constants';
import type { Jurisdiction } from '../../../types/users';

/** Per level: where a place (or a building) keeps the unit's id and name, and the role that works there. */
export const LEVEL = {
  grid: { id: 'gridId', name: 'gridName', role: 'grid_worker', rank: 3 },
  community: { id: 'communityId', name: 'communityName', role: 'community_staff', rank: 2 },
  street: { id: 'streetId', name: 'streetName', role: 'street_commander', rank: 1 },
  district: { id: 'districtId', name: 'districtName', role: 'district_commander', rank: 0 },
} as const satisfies Record<OrgLevel, { id: string; name: string; role: Role; rank: number }>;

export type UnitIdField = (typeof LEVEL)[OrgLevel]['id'];
export type UnitNameField = (typeof LEVEL)[OrgLevel]['name'];

/** The ids of the four units above a place, as buildings, appeals and bulletins keep them. */
export type PlaceUnits = Record<UnitIdField, string>;

/** The level above, or null at the top (区市指挥中心). */
export function levelAbove(level: OrgLevel): OrgLevel | null {
  const i = ORG_LEVELS.indexOf(level);
  return i > 0 ? ORG_LEVELS[i - 1] : null;
}

/** A place's units from the grid up, each with its parent: what per-unit counters are kept for. */
export function unitChain(place: PlaceUnits): Array<{ level: OrgLevel; unitId: string; parentId: string | null }> {
  return [
    { level: 'grid', unitId: place.gridId, parentId: place.communityId },
    { level: 'community', unitId: place.communityId, parentId: place.streetId },
    { level: 'street', unitId: place.streetId, parentId: place.districtId },
    { level: 'district', unitId: place.districtId, parentId: null },
  ];
}

/** Who is asking, as far as rights go. */
export interface Subject {
  openid: string;
  roles: readonly Role[];
  jurisdiction: Jurisdiction | null;
  propertyCompanyId: string | null;
}

export const hasAnyRole = (who: Pick<Subject, 'roles'>, roles: readonly Role[]) => who.roles.some((r) => roles.includes(r));
export const isStaff = (who: Pick<Subject, 'roles'>) => hasAnyRole(who, STAFF_ROLES);
export const isOrgStaff = (who: Pick<Subject, 'roles'>) => hasAnyRole(who, ORG_STAFF_ROLES);

/** The units an org staff member covers now; none for anyone without a current org staff role. */
export function coveredUnits(who: Pick<Subject, 'roles' | 'jurisdiction'>): readonly string[] {
  return isOrgStaff(who) ? (who.jurisdiction?.unitIds ?? []) : [];
}

/** The caller covers a unit given by its path from the district down (the unit itself included). */
export function coversUnitPath(who: Pick<Subject, 'roles' | 'jurisdiction'>, unitPath: readonly string[]): boolean {
  return coveredUnits(who).some((id) => unitPath.includes(id));
}

/** The caller covers a place: a unit above it is in their jurisdiction. */
export function coversPlace(who: Pick<Subject, 'roles' | 'jurisdiction'>, place: PlaceUnits): boolean {
  return coversUnitPath(who, [place.districtId, place.streetId, place.communityId, place.gridId]);
}

/** Current property staff of this company. */
export function isPropertyStaffOf(who: Pick<Subject, 'roles' | 'propertyCompanyId'>, companyId: string | null): boolean {
  return companyId !== null && who.roles.includes('property_staff') && who.propertyCompanyId === companyId;
}

/** The caller's level is above `level` (street above community, …). */
export function outranks(who: Pick<Subject, 'roles' | 'jurisdiction'>, level: OrgLevel): boolean {
  const own = isOrgStaff(who) ? who.jurisdiction?.level : undefined;
  return own !== undefined && LEVEL[own].rank < LEVEL[level].rank;
}

/** What a holder of work is: an org unit at a level, a property company, or a street's 综合执法队. */
export interface HolderRef {
  kind: 'unit' | 'property' | 'enforcement';
  level: OrgLevel;
  id: string;
}

/**
 * The caller may work for the holder: staff of its unit or of any unit above it (within the place),
 * staff of its property company, the street's (or district's) commanders for its enforcement team.
 */
export function coversHolder(who: Subject, holder: HolderRef, place: PlaceUnits): boolean {
  switch (holder.kind) {
    case 'property':
      return isPropertyStaffOf(who, holder.id);
    case 'enforcement':
      return hasAnyRole(who, ['street_commander', 'district_commander']) && coveredUnits(who).some((id) => id === place.streetId || id === place.districtId);
    case 'unit': {
      const ids = coveredUnits(who);
      if (ids.includes(holder.id)) return true;
      const above = (Object.keys(LEVEL) as OrgLevel[]).filter((level) => LEVEL[level].rank < LEVEL[holder.level].rank).map((level) => place[LEVEL[level].id]);
      return ids.some((id) => above.includes(id));
    }
  }
}

/** The role that answers for a holder's work: who its notices go to. */
export function roleOfHolder(holder: Pick<HolderRef, 'kind' | 'level'>): Role {
  if (holder.kind === 'property') return 'property_staff';
  if (holder.kind === 'enforcement') return 'street_commander';
  return LEVEL[holder.level].role;
}
