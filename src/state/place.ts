import Taro from '@tarojs/taro';
import type { ResolvedPlace } from '@contract/org';
import type { Me } from '@contract/users';
import { api } from '@/api';
import { loadMe } from './preferences';

const KEY = 'jy.currentPlace';

/** The building the resident last scanned (or their household's): where new appeals are located by default. */
export function currentPlace(): ResolvedPlace | null {
  const value: unknown = Taro.getStorageSync(KEY);
  return value && typeof value === 'object' ? (value as ResolvedPlace) : null;
}

export function rememberPlace(place: ResolvedPlace): void {
  Taro.setStorageSync(KEY, place);
}

/** The building of the caller's bound household as a place, or null without one. */
export async function householdPlace(me: Pick<Me, 'household'>): Promise<ResolvedPlace | null> {
  return me.household ? api.org.resolveCode({ code: me.household.buildingCode }) : null;
}

/**
 * Where the resident is now: the building last scanned, or else their bound household's building
 * (looked up once, then remembered like a scan). null when neither; a failed look-up counts as neither.
 */
export async function placeOrHousehold(): Promise<ResolvedPlace | null> {
  const scanned = currentPlace();
  if (scanned) return scanned;
  try {
    const place = await householdPlace(await loadMe());
    if (place) rememberPlace(place);
    return place;
  } catch {
    return null;
  }
}
