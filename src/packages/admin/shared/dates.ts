const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day (YYYY-MM-DD) in the device's zone — Asia/Shanghai for our users. */
export function toDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type RangePreset = '7d' | '30d' | 'year';

export const RANGE_PRESETS: ReadonlyArray<{ value: RangePreset; label: string }> = [
  { value: '7d', label: '近7天' },
  { value: '30d', label: '近30天' },
  { value: 'year', label: '本年' },
];

/** The days a preset covers, today included. */
export function rangeOf(preset: RangePreset, now = new Date()): { from: string; to: string } {
  const to = toDay(now);
  if (preset === 'year') return { from: `${now.getFullYear()}-01-01`, to };
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (preset === '7d' ? 6 : 29));
  return { from: toDay(start), to };
}
