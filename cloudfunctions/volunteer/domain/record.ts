/** 我的服务记录: each record's credited hours (community rule, overlaps once) and the totals. Pure. */
import { ACTIVITY_TYPE_LABELS, DEFAULT_HOURS_RULE, SIGNUP_STATUS_LABELS, type HoursRule, type PeriodTotal, type RecordItem, type ServiceRecord } from '../../../types/volunteer.constants';
import { exclusiveMinutes, halfLabel, periodsOf, roundHours, servedInterval, yearLabel } from './hours';
import type { RecordDoc } from './model';
import type { Standing } from './roster';

/**
 * Which records the list shows: every one with a check-in (service, or a correction), and activities
 * still to come where the person is signed up or waiting (`upcoming`: their standing by activity id,
 * read from the rosters). A sign-up that was cancelled, or never served, is not a record.
 */
export function shownRecords(records: readonly RecordDoc[], upcoming: ReadonlyMap<string, Standing>): RecordDoc[] {
  return records.filter((r) => r.checkInAt !== null || ['signed_up', 'waiting'].includes(upcoming.get(r.activityId)?.status ?? 'none'));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const upcomingOf = (s: Standing | undefined): RecordItem['upcoming'] =>
  s && (s.status === 'signed_up' || s.status === 'waiting') ? { status: s.status, statusLabel: SIGNUP_STATUS_LABELS[s.status], waitingPosition: s.waitingPosition } : null;

export function recordItems(records: readonly RecordDoc[], rules: ReadonlyMap<string, HoursRule>, upcoming: ReadonlyMap<string, Standing> = new Map()): RecordItem[] {
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
      upcoming: upcomingOf(upcoming.get(r.activityId)),
    }));
}

export function serviceRecord(name: string, records: readonly RecordDoc[], rules: ReadonlyMap<string, HoursRule>, now: Date, upcoming: ReadonlyMap<string, Standing> = new Map()): ServiceRecord {
  const items = recordItems(shownRecords(records, upcoming), rules, upcoming);
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
