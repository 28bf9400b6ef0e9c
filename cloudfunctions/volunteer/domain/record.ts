/** 我的服务记录: each record's credited hours (community rule, overlaps once) and the totals. Pure. */
import { ACTIVITY_TYPE_LABELS, DEFAULT_HOURS_RULE, type HoursRule, type PeriodTotal, type RecordItem, type ServiceRecord } from '../../../types/volunteer.constants';
import { exclusiveMinutes, halfLabel, periodsOf, roundHours, servedInterval, yearLabel } from './hours';
import type { RecordDoc } from './model';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function recordItems(records: readonly RecordDoc[], rules: ReadonlyMap<string, HoursRule>): RecordItem[] {
  const minutes = exclusiveMinutes(records.map((r) => ({ key: r._id, interval: servedInterval(r.checkInAt, r.checkOutAt, r.activity.start, r.activity.end) })));
  return [...records]
    .sort((a, b) => b.activity.start.getTime() - a.activity.start.getTime())
    .map((r) => ({
      activityId: r.activityId,
      title: r.activity.title,
      type: r.activity.type,
      typeLabel: ACTIVITY_TYPE_LABELS[r.activity.type],
      teamName: r.activity.teamName,
      communityName: r.activity.communityName,
      start: r.activity.start.toISOString(),
      end: r.activity.end.toISOString(),
      checkInAt: iso(r.checkInAt),
      checkOutAt: iso(r.checkOutAt),
      hours: roundHours(minutes.get(r._id) ?? 0, rules.get(r.communityId) ?? DEFAULT_HOURS_RULE),
      corrected: r.corrected,
    }));
}

export function serviceRecord(name: string, records: readonly RecordDoc[], rules: ReadonlyMap<string, HoursRule>, now: Date): ServiceRecord {
  const items = recordItems(records, rules);
  const { year, half } = periodsOf(now);
  const total = (key: string, label: string, keep: (p: { year: string; half: string }) => boolean): PeriodTotal => {
    const served = items.filter((i) => i.hours > 0 && keep(periodsOf(new Date(i.start))));
    return { key, label, hours: Math.round(served.reduce((s, i) => s + i.hours, 0) * 100) / 100, activities: served.length };
  };
  return {
    name,
    items,
    totals: {
      year: total(year, yearLabel(year), (p) => p.year === year),
      halfYear: total(half, halfLabel(half), (p) => p.half === half),
      all: total('all', '累计', () => true),
    },
  };
}
