/** What the app sees of activities, teams and rosters. Pure. */
import {
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_TYPE_LABELS,
  MEMBER_STATUS_LABELS,
  REQUIREMENT_LABELS,
  SIGNUP_STATUS_LABELS,
  type ActivitySummary,
  type ActivityView,
  type HoursRule,
  type MemberView,
  type RosterRow,
} from '../../../types/volunteer.constants';
import { roundHours, servedInterval } from './hours';
import type { ActivityDoc, MemberDoc, RecordDoc } from './model';
import { standingOf } from './roster';
import { checkWindow } from './window';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type SummaryDoc = Omit<ActivityDoc, 'seated' | 'waiting' | 'left' | 'code' | 'effects'>;

export function activitySummary(a: SummaryDoc): ActivitySummary {
  return {
    id: a._id,
    title: a.title,
    type: a.type,
    typeLabel: ACTIVITY_TYPE_LABELS[a.type],
    teamName: a.teamName,
    place: a.place,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    capacity: a.capacity,
    signedUp: a.seatedCount,
    waiting: a.waitingCount,
    status: a.status,
    statusLabel: ACTIVITY_STATUS_LABELS[a.status],
    requirements: a.requirements,
  };
}

export function activityView(a: ActivityDoc, openid: string, record: RecordDoc | null, manage: boolean, now: Date): ActivityView {
  const standing = standingOf(a, openid);
  const window = checkWindow(a.start, a.end);
  const open = a.status === 'published';
  const inWindow = now >= window.from && now <= window.until;
  const seated = standing.status === 'signed_up';
  return {
    ...activitySummary(a),
    teamId: a.teamId,
    community: { id: a.communityId, name: a.communityName },
    description: a.description,
    requirementLabels: a.requirements.map((r) => REQUIREMENT_LABELS[r]),
    cancelReason: a.cancelReason,
    my: {
      status: standing.status,
      statusLabel: SIGNUP_STATUS_LABELS[standing.status],
      waitingPosition: standing.waitingPosition,
      checkInAt: iso(record?.checkInAt),
      checkOutAt: iso(record?.checkOutAt),
    },
    checkFrom: window.from.toISOString(),
    checkUntil: window.until.toISOString(),
    can: {
      signUp: open && now < a.start && (standing.status === 'none' || standing.status === 'cancelled'),
      cancelSignUp: open && now < a.start && (seated || standing.status === 'waiting'),
      checkIn: open && seated && inWindow && !record?.checkInAt,
      checkOut: open && seated && inWindow && !!record?.checkInAt && !record.checkOutAt,
      manage,
    },
    code: manage ? a.code : null,
    version: a.version,
  };
}

export function rosterRows(a: ActivityDoc, records: ReadonlyMap<string, RecordDoc>, rule: HoursRule): RosterRow[] {
  const row = (e: ActivityDoc['seated'][number]): RosterRow => {
    const s = standingOf(a, e.openid);
    const r = records.get(e.openid) ?? null;
    const interval = r ? servedInterval(r.checkInAt, r.checkOutAt, a.start, a.end) : null;
    return {
      openid: e.openid,
      name: e.name,
      status: s.status,
      statusLabel: SIGNUP_STATUS_LABELS[s.status],
      waitingPosition: s.waitingPosition,
      signedAt: e.at.toISOString(),
      checkInAt: iso(r?.checkInAt),
      checkOutAt: iso(r?.checkOutAt),
      hours: interval ? roundHours((interval.to - interval.from) / 60_000, rule) : 0,
      corrected: r?.corrected ?? false,
      history: (r?.history ?? []).map((h) => ({ at: h.at.toISOString(), kind: h.kind, by: h.by.name, reason: h.reason, checkInAt: iso(h.checkInAt), checkOutAt: iso(h.checkOutAt) })),
    };
  };
  return [...a.seated.map(row), ...a.waiting.map(row)];
}

export const memberView = (m: MemberDoc): MemberView => ({ teamId: m.teamId, openid: m.openid, name: m.name, status: m.status, statusLabel: MEMBER_STATUS_LABELS[m.status], at: m.at.toISOString() });
