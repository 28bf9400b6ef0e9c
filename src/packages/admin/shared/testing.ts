/** Helpers for the workbench's component tests (not bundled: no page imports this). */
import type { AppealCategory, AppealDetail } from '@contract/appeals';
import { api } from '@/api';
import { uuid } from '@/utils/uuid';
import { actAs } from '../../../../tests/support/componentEnv';

/** A resident files an appeal at 海岸花园1号楼 (grid g-haian-1); the caller is left as that resident. */
export async function fileAppeal(description: string, category: AppealCategory = 'sanitation'): Promise<AppealDetail> {
  actAs('demo-resident');
  return api.appeals.create({ requestId: uuid(), buildingCode: '370602B0001', category, description, photos: [] });
}

/** Text unique to one test, so a shared cloud's other appeals do not confuse it. */
export const marker = (label: string) => `${label}${Math.random().toString(36).slice(2, 8)}：楼道堆满杂物，影响通行`;
