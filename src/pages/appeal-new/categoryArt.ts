import { APPEAL_CATEGORIES, APPEAL_CATEGORY_KEYS, type AppealCategory } from '@contract/appeals.constants';
import type { PictureOption } from '@/components/PictureChoices';

/** Each category's picture: one character on a colour dark enough for white (every pair ≥ 4.5 : 1). */
const ART: Record<AppealCategory, { glyph: string; color: string }> = {
  property_service: { glyph: '物', color: '#7b3f99' },
  elevator: { glyph: '梯', color: '#2c3e50' },
  parking: { glyph: '车', color: '#1f5f8b' },
  sanitation: { glyph: '扫', color: '#1e7b45' },
  public_facility: { glyph: '灯', color: '#8a5200' },
  neighbour_dispute: { glyph: '邻', color: '#a13d63' },
  safety_hazard: { glyph: '安', color: '#b3121a' },
  heating_water: { glyph: '暖', color: '#a84300' },
  elderly_care: { glyph: '老', color: '#6d4c41' },
  illegal_construction: { glyph: '建', color: '#5d4037' },
  green_encroachment: { glyph: '绿', color: '#2e6b32' },
  renovation_violation: { glyph: '修', color: '#455a64' },
  other: { glyph: '他', color: '#555555' },
};

export const isCategory = (value: unknown): value is AppealCategory => typeof value === 'string' && (APPEAL_CATEGORY_KEYS as readonly string[]).includes(value);

/** The categories as large pictured choices, in the given order (default: the city's list). */
export function categoryPictures(list: ReadonlyArray<{ key: AppealCategory; label: string }> = APPEAL_CATEGORY_KEYS.map((key) => ({ key, label: APPEAL_CATEGORIES[key].label }))): PictureOption<AppealCategory>[] {
  return list.map(({ key, label }) => ({ value: key, label, ...ART[key] }));
}
