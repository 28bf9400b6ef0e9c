import Taro from '@tarojs/taro';
import type { AppealCategory } from '@contract/appeals';
import { uuid } from '@/utils/uuid';

/** The filing form, kept in storage so nothing is lost when the network drops or the app closes. */
export interface AppealDraft {
  /** Made once per appeal: a retry with the same id can never file twice. */
  requestId: string;
  buildingCode: string;
  category: AppealCategory | null;
  description: string;
  photos: string[];
  phone: string;
  anonymous: boolean;
}

const KEY = 'jy.appealDraft';

export function loadDraft(buildingCode: string): AppealDraft {
  const saved: unknown = Taro.getStorageSync(KEY);
  if (saved && typeof saved === 'object' && (saved as AppealDraft).buildingCode === buildingCode) return saved as AppealDraft;
  return { requestId: uuid(), buildingCode, category: null, description: '', photos: [], phone: '', anonymous: false };
}

export function saveDraft(draft: AppealDraft): void {
  Taro.setStorageSync(KEY, draft);
}

export function clearDraft(): void {
  Taro.removeStorageSync(KEY);
}
