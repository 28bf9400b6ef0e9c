import Taro from '@tarojs/taro';
import type { ResolvedPlace } from '@contract/org';

const KEY = 'jy.currentPlace';

/** The building the resident last scanned: where new appeals are located by default. */
export function currentPlace(): ResolvedPlace | null {
  const value: unknown = Taro.getStorageSync(KEY);
  return value && typeof value === 'object' ? (value as ResolvedPlace) : null;
}

export function rememberPlace(place: ResolvedPlace): void {
  Taro.setStorageSync(KEY, place);
}
