/** The appeal as the domain sees it: plain data, no I/O. The repository maps it to the collection. */
import {
  OPEN_STATUSES,
  type AppealCategory,
  type AppealStatus,
  type EscalationReason,
  type HolderKind,
  type Rating,
  type RoutingTarget,
  type StatCounts,
  type TimelineKind,
} from '../../../types/appeals.constants';
import type { OrgLevel } from '../../../types/org';
import type { Screening } from '../../../types/contract';
import { LEVEL, type PlaceUnits, type Subject } from '../../core/auth/jurisdiction';
import type { OutboxMessage } from '../../core/outbox/types';

export { levelAbove } from '../../core/auth/jurisdiction';

export interface Person {
  openid: string;
  name: string;
}

/** Where the appeal is: the building and every unit above it, names kept for display. */
export interface Place {
  buildingId: string;
  buildingCode: string;
  buildingName: string;
  address: string;
  estateId: string;
  estateName: string;
  propertyCompanyId: string | null;
  propertyCompanyName: string | null;
  propertyCompanyPhone: string | null;
  gridId: string;
  gridName: string;
  communityId: string;
  communityName: string;
  communityPhone: string | null;
  streetId: string;
  streetName: string;
  districtId: string;
  districtName: string;
}

/**
 * Who must act now. For `unit` the id is an org unit at `level`; for `property` the property company
 * (level grid: the community presses it); for `enforcement` the street (its 综合执法队, level street).
 */
export interface Holder {
  kind: HolderKind;
  level: OrgLevel;
  id: string;
  name: string;
}

export const holderKey = (h: Pick<Holder, 'kind' | 'id'>): string => `${h.kind}:${h.id}`;

/** Who acts on an appeal: the rights subject, with a name for the timeline and a household for neighbourhood. */
export interface Actor extends Subject {
  name: string;
  /** The building of the actor's bound household: neighbours see each other's appeals only there. */
  householdBuildingId: string | null;
}

export type ActorRef = { kind: 'resident' | 'staff'; openid: string; name: string } | { kind: 'system'; name: string };

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  actor: ActorRef;
  text: string | null;
  photos: string[];
  /** Routing decisions and escalations record their rule / reason here. */
  meta: Record<string, string> | null;
}

export interface Deadlines {
  respondBy: Date;
  respondWarnAt: Date;
  resolveBy: Date;
  resolveWarnAt: Date;
  /** The clocks set at filing; 按期 rates are measured against these. */
  originalRespondBy: Date;
  originalResolveBy: Date;
}

/** A counter of the statistics documents: a dashboard count, or how many appeals are in a status. */
export type StatsField = keyof StatCounts | `status_${AppealStatus}`;

export type StatsDelta = Partial<Record<StatsField, number>>;


/** An escalation on the 问题通报 bulletin, findable by every unit above the appeal's place. */
export interface BulletinEntry extends PlaceUnits {
  _id: string;
  appealId: string;
  no: string;
  category: AppealCategory;
  excerpt: string;
  reason: EscalationReason;
  fromName: string;
  toName: string;
  toLevel: OrgLevel;
  toUnitId: string;
  communityName: string;
  at: Date;
}

/** Side effects written in the same document write as the state change, then applied idempotently. */
export type Effect =
  | { id: string; kind: 'notify'; message: OutboxMessage }
  | { id: string; kind: 'stats'; day: string; category: AppealCategory; delta: StatsDelta }
  | { id: string; kind: 'bulletin'; entry: BulletinEntry };

export interface AppealDoc {
  _id: string;
  no: string;
  requestId: string;
  resident: { openid: string; name: string; phone: string | null; anonymous: boolean };
  category: AppealCategory;
  description: string;
  photos: string[];
  place: Place;
  route: { target: RoutingTarget; source: 'community' | 'city'; fallback: boolean };
  status: AppealStatus;
  level: OrgLevel;
  holder: Holder;
  /** `holderKey(holder)`, kept for the "todo" index. */
  holderKey: string;
  handler: Person | null;
  /** 首问: the first staff member to claim; accountable until the appeal closes. */
  firstResponder: Person | null;
  /** The property company that may see it (property categories, or routed to property). */
  propertyCompanyId: string | null;
  deadlines: Deadlines;
  /** The active clock: respond while pending, resolve while processing; null when resolved/closed. */
  dueKind: 'respond' | 'resolve' | null;
  dueAt: Date | null;
  /** From when staff see 即将超期 on the active clock. */
  warnAt: Date | null;
  /** When the 即将超期 notice is due; cleared once sent, so it goes out once per clock. */
  warnNoticeAt: Date | null;
  /** When the escalation job must look at it; null when it cannot be escalated by time. */
  escalateAt: Date | null;
  autoCloseAt: Date | null;
  filedAt: Date;
  /** 'YYYY-MM-DD' in Asia/Shanghai: the statistics cohort. */
  filedDay: string;
  firstRespondedAt: Date | null;
  firstResolvedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  closeReason: 'rated' | 'auto' | 'top_dissatisfied' | null;
  lastActivityAt: Date;
  escalationCount: number;
  dissatisfiedCount: number;
  pressCount: number;
  rating: { value: Rating; comment: string | null; at: Date } | null;
  resolution: { text: string; photos: string[]; at: Date; by: Person } | null;
  followers: string[];
  followerCount: number;
  timeline: TimelineEntry[];
  /** What content security said of the description and photos: `review` keeps it from neighbours until staff approve. Absent on appeals filed before screening. */
  screening?: Screening;
  effects: Effect[];
  effectsPending: boolean;
  effectsAt?: Date | null;
  version: number;
}

/** Pending or processing: someone must still act on it. */
export const isOpen = (a: Pick<AppealDoc, 'status'>): boolean => OPEN_STATUSES.includes(a.status);

/** The fields a transition may change. */
export type AppealState = Omit<
  AppealDoc,
  '_id' | 'no' | 'requestId' | 'resident' | 'category' | 'description' | 'photos' | 'place' | 'filedAt' | 'filedDay' | 'effects' | 'effectsPending' | 'effectsAt' | 'version'
>;

/** The org unit of `level` above the place, as a holder. */
export function orgHolder(place: Place, level: OrgLevel): Holder {
  return { kind: 'unit', level, id: place[LEVEL[level].id], name: place[LEVEL[level].name] };
}

export const enforcementName = (place: Place) => `${place.streetName}综合执法队`;

export function excerpt(text: string, max = 40): string {
  const cps = Array.from(text.replace(/\s+/g, ' ').trim());
  return cps.length <= max ? cps.join('') : `${cps.slice(0, max - 1).join('')}…`;
}
