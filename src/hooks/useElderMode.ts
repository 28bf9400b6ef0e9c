import { useCallback, useState, useSyncExternalStore } from 'react';
import { useDidShow } from '@tarojs/taro';
import { toApiError, type ApiError } from '@/api/errors';
import { elderModeOn, elderOffered, saveElderMode, subscribePreferences } from '@/state/preferences';
import { ENLARGED_FONT_SCALE } from '@/utils/fontScale';
import { systemFontScale } from '@/utils/systemFont';

export interface ElderMode {
  /** 长辈版 is on. */
  elder: boolean;
  /** Switches it (locally at once, then on the server); resolves when the server has it. */
  setElder: (on: boolean) => Promise<void>;
  saving: boolean;
  /** The last failed save (the switch went back). */
  error: ApiError | undefined;
}

/** 长辈版 for this user, shared by every mounted page and component. */
export function useElderMode(): ElderMode {
  const elder = useSyncExternalStore(subscribePreferences, elderModeOn, elderModeOn);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const setElder = useCallback(async (on: boolean) => {
    setSaving(true);
    setError(undefined);
    try {
      await saveElderMode(on);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  }, []);
  return { elder, setElder, saving, error };
}

/** The system font scale, read again each time the page shows (WeChat's setting may change meanwhile). */
export function useFontScale(): number {
  const [scale, setScale] = useState(systemFontScale);
  useDidShow(() => setScale(systemFontScale()));
  return scale;
}

/** Whether to offer 长辈版 now: the system font is enlarged, it is off, and it was never offered. */
export function useElderOffer(scale: number): boolean {
  const offered = useSyncExternalStore(subscribePreferences, elderOffered, elderOffered);
  const { elder } = useElderMode();
  return !elder && !offered && scale >= ENLARGED_FONT_SCALE;
}
