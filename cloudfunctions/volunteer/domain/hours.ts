/**
 * Hours from check-in/out: the time inside the activity's window, rounded by the community's rule;
 * time one person already has counted for an overlapping activity is left out; totals by year and
 * half-year in Asia/Shanghai. Pure.
 */
import type { HoursRule } from '../../../types/volunteer.constants';

const MINUTE = 60_000;
const OFFSET_MS = 8 * 60 * MINUTE;

/** Minutes to hours by the rule: a multiple of `unitMinutes`, rounded down, to nearest, or up. */
export function roundHours(minutes: number, rule: HoursRule): number {
  if (minutes <= 0) return 0;
  const units = minutes / rule.unitMinutes;
  const whole = rule.mode === 'down' ? Math.floor(units + 1e-9) : rule.mode === 'up' ? Math.ceil(units - 1e-9) : Math.round(units);
  return Math.round(((whole * rule.unitMinutes) / 60) * 100) / 100;
}

export interface Interval {
  from: number;
  to: number;
}

/** The served interval: check-in to check-out, clipped to the activity's window; null without both. */
export function servedInterval(checkInAt: Date | null, checkOutAt: Date | null, start: Date, end: Date): Interval | null {
  if (!checkInAt || !checkOutAt) return null;
  const from = Math.max(checkInAt.getTime(), start.getTime());
  const to = Math.min(checkOutAt.getTime(), end.getTime());
  return to > from ? { from, to } : null;
}

/**
 * Each interval's minutes not already covered by an earlier-starting one (ties by key): one person in
 * two overlapping activities is credited the overlap once. Returned by key.
 */
export function exclusiveMinutes<K>(items: ReadonlyArray<{ key: K; interval: Interval | null }>): Map<K, number> {
  const out = new Map<K, number>();
  const withTime = items.filter((i): i is { key: K; interval: Interval } => i.interval !== null);
  const sorted = [...withTime].sort((a, b) => a.interval.from - b.interval.from || String(a.key).localeCompare(String(b.key)));
  let covered = -Infinity;
  for (const { key, interval } of sorted) {
    const own = Math.max(0, interval.to - Math.max(interval.from, covered));
    out.set(key, own / MINUTE);
    covered = Math.max(covered, interval.to);
  }
  for (const i of items) if (!out.has(i.key)) out.set(i.key, 0);
  return out;
}

/** The Shanghai year and half-year an instant falls in. */
export function periodsOf(at: Date): { year: string; half: string } {
  const local = new Date(at.getTime() + OFFSET_MS);
  const y = local.getUTCFullYear();
  return { year: String(y), half: `${y}H${local.getUTCMonth() < 6 ? 1 : 2}` };
}

export const yearLabel = (year: string) => `${year}年`;
export const halfLabel = (half: string) => `${half.slice(0, 4)}年${half.endsWith('1') ? '上' : '下'}半年`;

/** The instants a Shanghai half-year ('2026H2') runs between: [from, until). */
export function halfYearRange(half: string): { from: Date; until: Date } {
  const year = Number(half.slice(0, 4));
  const first = half.endsWith('1');
  return {
    from: new Date(`${year}-${first ? '01' : '07'}-01T00:00:00+08:00`),
    until: new Date(first ? `${year}-07-01T00:00:00+08:00` : `${year + 1}-01-01T00:00:00+08:00`),
  };
}

/** 双报到's reminder is due in a half-year's last `leadDays` days: which half, and its last day (Shanghai). */
export function halfYearReminderDue(now: Date, leadDays = 30): { half: string; lastDay: string } | null {
  const { half } = periodsOf(now);
  const { until } = halfYearRange(half);
  if (until.getTime() - now.getTime() > leadDays * 86_400_000) return null;
  return { half, lastDay: new Date(until.getTime() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10) };
}
