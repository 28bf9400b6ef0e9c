/** 问题通报制 / 下呼上应: which appeals the timer escalates, and the bulletin entry an escalation makes. */
import type { EscalationReason } from '../../../types/appeals';
import { excerpt, levelAbove, type AppealDoc, type BulletinEntry, type Holder } from './model';

/** Why the appeal must go up now, or null when the job should leave it alone. */
export function overdueReason(a: AppealDoc, now: Date): EscalationReason | null {
  if (!a.escalateAt || a.escalateAt.getTime() > now.getTime()) return null;
  if (!levelAbove(a.level)) return null;
  if (a.status === 'pending') return 'respond_overdue';
  if (a.status === 'processing') return 'resolve_overdue';
  return null;
}

/**
 * One entry per escalation: its id is the appeal at the version the escalation made, so writing the
 * same escalation twice is a no-op while a later escalation to the same level is a new entry.
 */
export function bulletinEntry(a: AppealDoc, escalation: { reason: EscalationReason; from: Holder; to: Holder }, at: Date): BulletinEntry {
  return {
    _id: `${a._id}_v${a.version}`,
    appealId: a._id,
    no: a.no,
    category: a.category,
    excerpt: excerpt(a.description, 40),
    reason: escalation.reason,
    fromName: escalation.from.name,
    toName: escalation.to.name,
    toLevel: escalation.to.level,
    toUnitId: escalation.to.id,
    communityName: a.place.communityName,
    gridId: a.place.gridId,
    communityId: a.place.communityId,
    streetId: a.place.streetId,
    districtId: a.place.districtId,
    at,
  };
}
