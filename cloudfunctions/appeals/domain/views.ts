/** What each viewer sees of an appeal: the resident's contact only to the accountable handler. Pure. */
import {
  APPEAL_CATEGORIES,
  APPEAL_COMMANDS,
  APPEAL_STATUS_LABELS,
  ESCALATION_REASON_LABELS,
  RATING_LABELS,
  TIMELINE_LABELS,
  type AppealCommand,
  type AppealDetail,
  type AppealSummary,
  type BulletinItem,
  type InboxItem,
  type SimilarAppeal,
  type TimelineView,
} from '../../../types/appeals.constants';
import { ORG_LEVEL_LABELS } from '../../../types/org.constants';
import { dueState } from './deadlines';
import { excerpt, type Actor, type AppealDoc, type BulletinEntry } from './model';
import { canDo, isAccountable, viewerOf, type Viewer } from './policy';

/** '13905351234' → '139****1234'; '0535-6601101' → '053*****1101'. */
export function maskPhone(phone: string): string {
  const cps = Array.from(phone);
  if (cps.length <= 7) return `${cps.slice(0, 1).join('')}${'*'.repeat(Math.max(cps.length - 1, 0))}`;
  return `${cps.slice(0, 3).join('')}${'*'.repeat(cps.length - 7)}${cps.slice(-4).join('')}`;
}

/** '王秀英' → '王**'. */
export function maskName(name: string): string {
  const cps = Array.from(name);
  if (cps.length === 0) return '居民';
  return `${cps[0]}${'*'.repeat(Math.max(cps.length - 1, 1))}`;
}

/** How the resident is named where other residents can see it ("公开时隐去我的信息"). */
export const publicResidentName = (a: Pick<AppealDoc, 'resident'>) => (a.resident.anonymous ? '匿名居民' : maskName(a.resident.name));

/** What neighbours may read of the description: nothing while content security holds it for staff. */
export const publicExcerpt = (a: Pick<AppealDoc, 'description' | 'screening'>) =>
  a.screening === 'review' ? '（内容待社区审核）' : excerpt(a.description, 60);

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The fields the list queries fetch (no timeline, no effects). */
export type ListedAppeal = Pick<
  AppealDoc,
  | '_id'
  | 'no'
  | 'category'
  | 'description'
  | 'photos'
  | 'status'
  | 'level'
  | 'place'
  | 'holder'
  | 'handler'
  | 'firstResponder'
  | 'dueAt'
  | 'warnAt'
  | 'filedAt'
  | 'lastActivityAt'
  | 'rating'
  | 'escalationCount'
  | 'pressCount'
  | 'followerCount'
  | 'resident'
  | 'screening'
>;

export function toSummary(a: ListedAppeal): AppealSummary {
  return {
    id: a._id,
    no: a.no,
    category: a.category,
    categoryLabel: APPEAL_CATEGORIES[a.category].label,
    excerpt: excerpt(a.description, 60),
    firstPhoto: a.photos[0] ?? null,
    status: a.status,
    statusLabel: APPEAL_STATUS_LABELS[a.status],
    buildingName: `${a.place.estateName}${a.place.buildingName}`,
    holderName: a.holder.name,
    filedAt: a.filedAt.toISOString(),
    lastActivityAt: a.lastActivityAt.toISOString(),
    rating: a.rating?.value ?? null,
  };
}

export function toInboxItem(a: ListedAppeal, actor: Actor, now: Date): InboxItem {
  return {
    ...toSummary(a),
    level: a.level,
    levelLabel: ORG_LEVEL_LABELS[a.level],
    address: a.place.address,
    handlerName: a.handler?.name ?? null,
    firstResponderName: a.firstResponder?.name ?? null,
    dueAt: iso(a.dueAt),
    due: dueState(a.dueAt, a.warnAt, now),
    isMine: a.handler?.openid === actor.openid,
    isFirstResponder: a.firstResponder?.openid === actor.openid,
    escalationCount: a.escalationCount,
    pressCount: a.pressCount,
    followerCount: a.followerCount,
  };
}

function residentNameFor(viewer: Viewer, accountable: boolean, a: AppealDoc): string {
  if (viewer === 'owner' || accountable) return a.resident.name;
  if (viewer === 'staff') return maskName(a.resident.name);
  return publicResidentName(a);
}

export function toDetail(a: AppealDoc, actor: Actor, now: Date): AppealDetail {
  const viewer = viewerOf(actor, a);
  if (!viewer) throw new Error('toDetail: the caller may not view this appeal');
  const accountable = isAccountable(actor, a);
  const residentName = residentNameFor(viewer, accountable, a);
  // A neighbour who follows it sees what happens to it, not what the filer and the staff said or showed.
  const neighbour = viewer === 'follower';
  const timeline: TimelineView[] = a.timeline
    .filter((e) => e.kind !== 'warned')
    .map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      label: TIMELINE_LABELS[e.kind],
      actorName: e.actor.kind === 'resident' ? (e.actor.openid === a.resident.openid ? residentName : '居民') : e.actor.name,
      text: neighbour ? null : e.text,
      photos: neighbour ? [] : e.photos,
    }));
  const can = Object.fromEntries(APPEAL_COMMANDS.map((c) => [c, canDo(c, actor, a)])) as Record<AppealCommand, boolean>;
  const state = dueState(a.dueAt, a.warnAt, now);
  return {
    id: a._id,
    no: a.no,
    version: a.version,
    category: a.category,
    categoryLabel: APPEAL_CATEGORIES[a.category].label,
    description: neighbour ? publicExcerpt(a) : a.description,
    photos: neighbour ? [] : a.photos,
    status: a.status,
    statusLabel: APPEAL_STATUS_LABELS[a.status],
    level: a.level,
    levelLabel: ORG_LEVEL_LABELS[a.level],
    place: {
      buildingCode: a.place.buildingCode,
      buildingName: a.place.buildingName,
      address: a.place.address,
      estateName: a.place.estateName,
      gridName: a.place.gridName,
      communityName: a.place.communityName,
      streetName: a.place.streetName,
    },
    anonymous: a.resident.anonymous,
    resident:
      viewer === 'staff'
        ? { name: residentName, phone: a.resident.phone && !accountable ? maskPhone(a.resident.phone) : a.resident.phone, masked: !accountable }
        : null,
    holder: { kind: a.holder.kind, name: a.holder.name, level: a.holder.level, handlerName: a.handler?.name ?? null },
    firstResponderName: a.firstResponder?.name ?? null,
    deadline: a.dueKind && a.dueAt && state ? { kind: a.dueKind, dueAt: a.dueAt.toISOString(), state } : null,
    resolution: a.resolution
      ? { text: a.resolution.text, photos: a.resolution.photos, at: a.resolution.at.toISOString(), byName: a.resolution.by.name }
      : null,
    rating: a.rating
      ? { value: a.rating.value, label: RATING_LABELS[a.rating.value], comment: neighbour ? null : a.rating.comment, at: a.rating.at.toISOString() }
      : null,
    followerCount: a.followerCount,
    following: a.followers.includes(actor.openid),
    isOwner: viewer === 'owner',
    heldForReview: a.screening === 'review',
    timeline,
    can,
    filedAt: a.filedAt.toISOString(),
    lastActivityAt: a.lastActivityAt.toISOString(),
  };
}

export function toSimilar(a: ListedAppeal & Pick<AppealDoc, 'followers'>, actor: Actor): SimilarAppeal {
  const isOwner = a.resident.openid === actor.openid;
  return {
    id: a._id,
    no: a.no,
    categoryLabel: APPEAL_CATEGORIES[a.category].label,
    excerpt: publicExcerpt(a),
    statusLabel: APPEAL_STATUS_LABELS[a.status],
    filedAt: a.filedAt.toISOString(),
    followerCount: a.followerCount,
    following: a.followers.includes(actor.openid),
    isOwner,
    residentName: isOwner ? '我' : publicResidentName(a),
  };
}

export function toBulletinItem(e: BulletinEntry): BulletinItem {
  return {
    id: e._id,
    appealId: e.appealId,
    no: e.no,
    categoryLabel: APPEAL_CATEGORIES[e.category].label,
    excerpt: e.excerpt,
    reason: e.reason,
    reasonLabel: ESCALATION_REASON_LABELS[e.reason],
    fromName: e.fromName,
    toName: e.toName,
    toLevel: e.toLevel,
    toLevelLabel: ORG_LEVEL_LABELS[e.toLevel],
    communityName: e.communityName,
    at: e.at.toISOString(),
  };
}

