/**
 * 双报到 rules over Shanghai calendar periods: the 5-project rule of a unit's year, a unit's activity
 * each month, a member's service each half-year, and the ids that make each reminder once per period.
 * Pure.
 */
import { UNIT_LIMITS, type ProjectTally } from '../../../types/volunteerUnits.constants';
import { periodsOf } from './hours';

const OFFSET_MS = 8 * 3_600_000;

/** The Shanghai year ('2026') and month ('2026-07') an instant falls in. */
export function monthOf(at: Date): { year: string; month: string } {
  const local = new Date(at.getTime() + OFFSET_MS).toISOString();
  return { year: local.slice(0, 4), month: local.slice(0, 7) };
}

export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The instants a Shanghai month ('2026-07') runs between: [from, until). */
export function monthRange(month: string): { from: Date; until: Date } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), until: new Date(`${next}-01T00:00:00+08:00`) };
}

/** Where a 双报到 member is counted: the community (district → street → community path) they live in, else their unit's. */
export function countedInOf(community: { _id: string; name: string; path: readonly string[] } | null): { countedIn: { communityId: string; streetId: string; districtId: string } | null; countedInName: string | null } {
  if (!community || community.path.length < 3) return { countedIn: null, countedInName: null };
  const [districtId, streetId] = community.path;
  return { countedIn: { communityId: community._id, streetId, districtId }, countedInName: community.name };
}

/** 项目化服务: a unit's projects of a year against the rule (at least five). */
export function projectTally(year: string, count: number, required: number = UNIT_LIMITS.projectsPerYear): ProjectTally {
  return { year, count, required, met: count >= required, missing: Math.max(0, required - count) };
}

/**
 * The last half-year a member served in, after a service of `half` was (or was no longer) credited:
 * it only moves forward, and falls back to null when the half taken away was the one it named.
 */
export function servedHalfAfter(previous: string | null, half: string, served: boolean): string | null {
  if (served) return previous !== null && previous > half ? previous : half;
  return previous === half ? null : previous;
}

/** Behind this half-year: no credited service in the half-year `now` falls in. */
export const behindHalfYear = (servedHalf: string | null, now: Date) => servedHalf !== periodsOf(now).half;

/** The 双报到 reminder's outbox id: one per member and half-year, whoever sends it (the timer or staff). */
export const memberReminderId = (openid: string, half: string) => `vhy_${openid}_${half}`;

/** The unit reminder's outbox id: one per unit, month and team leader told. */
export const unitReminderId = (unitId: string, month: string, leader: string) => `vum_${unitId}_${month}_${leader}`;
