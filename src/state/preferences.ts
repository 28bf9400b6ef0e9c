/**
 * The user's display preferences (长辈版), kept on their profile on the server (`users.setPreferences`)
 * and cached in storage so a page's first paint is already right. The server's answer wins whenever
 * the app asks who the user is (`loadMe`: home without a remembered building, 我的); a switch is
 * saved at once locally and then on the server.
 */
import Taro from '@tarojs/taro';
import type { Me, Preferences } from '@contract/users';
import { api } from '@/api';

const KEY = 'jy.preferences';
/** Set once 长辈版 has been offered for an enlarged system font, whatever the answer. */
const OFFERED_KEY = 'jy.elderOffered';

const listeners = new Set<() => void>();

function read(): Preferences {
  const saved: unknown = Taro.getStorageSync(KEY);
  return { elderMode: Boolean(saved && typeof saved === 'object' && (saved as Partial<Preferences>).elderMode === true) };
}

function write(preferences: Preferences): void {
  if (read().elderMode === preferences.elderMode) return;
  Taro.setStorageSync(KEY, preferences);
  listeners.forEach((listener) => listener());
}

/** Whether 长辈版 is on (from the cache: no cloud call). */
export const elderModeOn = (): boolean => read().elderMode;

/** Calls `listener` whenever the preferences change; returns the unsubscribe. */
export function subscribePreferences(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Takes the server's preferences from a profile the app just got. */
export function syncPreferences(me: Pick<Me, 'preferences'>): void {
  write(me.preferences);
}

/** Who the user is, with their preferences taken into the cache. */
export async function loadMe(): Promise<Me> {
  const me = await api.users.me({});
  syncPreferences(me);
  return me;
}

/** Switches 长辈版: at once on this device, then on the user's profile; a failed save switches back. */
export async function saveElderMode(elderMode: boolean): Promise<Me> {
  const before = read();
  write({ elderMode });
  markElderOffered();
  try {
    const me = await api.users.setPreferences({ elderMode });
    syncPreferences(me);
    return me;
  } catch (error) {
    write(before);
    throw error;
  }
}

export const elderOffered = (): boolean => Taro.getStorageSync(OFFERED_KEY) === true;

export function markElderOffered(): void {
  if (!elderOffered()) Taro.setStorageSync(OFFERED_KEY, true);
  listeners.forEach((listener) => listener());
}
