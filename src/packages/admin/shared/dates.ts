import { addDays, now, startOfYear, today, type Day, type Instant } from '@/utils/time';

export type RangePreset = '7d' | '30d' | 'year';

export const RANGE_PRESETS: ReadonlyArray<{ value: RangePreset; label: string }> = [
  { value: '7d', label: '近7天' },
  { value: '30d', label: '近30天' },
  { value: 'year', label: '本年' },
];

/** The Shanghai days a preset covers, today included. */
export function rangeOf(preset: RangePreset, at: Instant = now()): { from: Day; to: Day } {
  const to = today(at);
  if (preset === 'year') return { from: startOfYear(to), to };
  return { from: addDays(to, preset === '7d' ? -6 : -29), to };
}
