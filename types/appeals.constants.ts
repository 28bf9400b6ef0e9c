/**
 * 有呼必应 — appeals: categories, deadlines, routing defaults, states, labels and the view types.
 * Zod-free, so app pages can import them without bundling zod; `appeals.ts` re-exports all of it.
 */
import type { Role } from './contract';
import type { OrgLevel } from './org.constants';

// ─── Categories and deadlines (限期办结制) ────────────────────────────────────────────────────

/** Asked for on the 提交 tap: accepted, progress, resolved (to rate). */
export const APPEAL_SUBSCRIPTIONS = ['appealAccepted', 'appealProgress', 'appealResolved'] as const;

export const APPEAL_CATEGORY_KEYS = [
  'property_service',
  'elevator',
  'parking',
  'sanitation',
  'public_facility',
  'neighbour_dispute',
  'safety_hazard',
  'heating_water',
  'elderly_care',
  'illegal_construction',
  'green_encroachment',
  'renovation_violation',
  'other',
] as const;
export type AppealCategory = (typeof APPEAL_CATEGORY_KEYS)[number];

/** property: 物业 handles it and the community presses (督办); enforcement: the street's 综合执法. */
export type CategoryKind = 'general' | 'property' | 'enforcement';

export interface CategoryConfig {
  label: string;
  kind: CategoryKind;
  hint: string;
  /** Working hours until someone must claim (响应时限). */
  respondHours: number;
  /** Working days (of WORK_DAY hours each) from filing until it must be resolved (办结时限). */
  resolveDays: number;
}

export const APPEAL_CATEGORIES: Record<AppealCategory, CategoryConfig> = {
  property_service: { label: '物业服务', kind: 'property', hint: '保洁、绿化养护、门禁、公共照明等物业服务问题', respondHours: 4, resolveDays: 3 },
  elevator: { label: '电梯故障', kind: 'property', hint: '电梯停运、困人隐患、异响', respondHours: 1, resolveDays: 2 },
  parking: { label: '停车秩序', kind: 'property', hint: '小区内乱停车、占用消防通道、车位纠纷', respondHours: 4, resolveDays: 3 },
  sanitation: { label: '环境卫生', kind: 'general', hint: '垃圾清运不及时、楼道堆物、卫生死角', respondHours: 4, resolveDays: 3 },
  public_facility: { label: '公共设施', kind: 'general', hint: '路灯、健身器材、井盖、道路破损', respondHours: 8, resolveDays: 5 },
  neighbour_dispute: { label: '邻里纠纷', kind: 'general', hint: '噪音、漏水、宠物等邻里矛盾调处', respondHours: 4, resolveDays: 5 },
  safety_hazard: { label: '安全隐患', kind: 'general', hint: '消防、燃气、电动车违规充电等隐患', respondHours: 1, resolveDays: 1 },
  heating_water: { label: '供暖供水', kind: 'general', hint: '暖气不热、停水、水压低', respondHours: 4, resolveDays: 3 },
  elderly_care: { label: '为老服务', kind: 'general', hint: '独居老人关爱、助餐、助浴等需求', respondHours: 8, resolveDays: 5 },
  illegal_construction: { label: '私搭乱建', kind: 'enforcement', hint: '违章搭建、圈占公共空间', respondHours: 8, resolveDays: 10 },
  green_encroachment: { label: '侵占绿地', kind: 'enforcement', hint: '毁绿种菜、占绿停车', respondHours: 8, resolveDays: 10 },
  renovation_violation: { label: '违规装修', kind: 'enforcement', hint: '拆改承重墙、扰民施工', respondHours: 4, resolveDays: 5 },
  other: { label: '其他', kind: 'general', hint: '以上类别之外的诉求', respondHours: 8, resolveDays: 5 },
};

export const APPEAL_LIMITS = {
  descriptionMax: 500,
  photosMax: 6,
  textMax: 500,
  commentMax: 200,
  reasonMax: 200,
  /** "我也遇到了": open appeals of the same category at the same building filed within this window. */
  similarWindowHours: 48,
  /** A resolved appeal nobody rates closes by itself after this many (calendar) days. */
  autoCloseDays: 7,
} as const;

// ─── Routing (流转交办) ────────────────────────────────────────────────────────────────────────

export const ROUTING_TARGETS = ['grid', 'community', 'property', 'enforcement'] as const;
export type RoutingTarget = (typeof ROUTING_TARGETS)[number];

export const ROUTING_TARGET_LABELS: Record<RoutingTarget, string> = {
  grid: '楼栋所在网格网格员',
  community: '社区工作站',
  property: '小区物业公司',
  enforcement: '街道综合执法队',
};

/** A community's own routing: any category it sets overrides the city default. */
export interface RoutingRuleSet {
  rules: Partial<Record<AppealCategory, RoutingTarget>>;
  /** Used when a rule's target does not exist for the building (e.g. no property company). */
  fallback?: RoutingTarget;
}

/** The city default; a community's own rules override it category by category. */
export const DEFAULT_ROUTING: { rules: Record<AppealCategory, RoutingTarget>; fallback: RoutingTarget } = {
  rules: {
    property_service: 'property',
    elevator: 'property',
    parking: 'property',
    sanitation: 'grid',
    public_facility: 'community',
    neighbour_dispute: 'grid',
    safety_hazard: 'grid',
    heating_water: 'community',
    elderly_care: 'community',
    illegal_construction: 'enforcement',
    green_encroachment: 'enforcement',
    renovation_violation: 'enforcement',
    other: 'grid',
  },
  fallback: 'community',
};

// ─── States ───────────────────────────────────────────────────────────────────────────────────

export const APPEAL_STATUSES = ['pending', 'processing', 'resolved', 'closed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  pending: '待受理',
  processing: '办理中',
  resolved: '已办结待评价',
  closed: '已完结',
};
export const OPEN_STATUSES: AppealStatus[] = ['pending', 'processing'];

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const TIMELINE_KINDS = [
  'filed',
  'routed',
  'claimed',
  'replied',
  'transferred',
  'pressed',
  'escalated',
  'resolved',
  'rated',
  'reopened',
  'closed',
  'followed',
  'warned',
  'approved',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  filed: '受理',
  routed: '流转',
  claimed: '签收',
  replied: '回复',
  transferred: '转办',
  pressed: '督办',
  escalated: '升级',
  resolved: '办结',
  rated: '评价',
  reopened: '重办',
  closed: '完结',
  followed: '附议',
  warned: '即将超期',
  approved: '内容审核通过',
};

/** Who holds the appeal now: an org unit, the estate's property company, or the street's enforcement team. */
export type HolderKind = 'unit' | 'property' | 'enforcement';

/** Staff of the org chain (网格 → 区市), who work by jurisdiction; property staff work by company. */
export { ORG_STAFF_ROLES } from './org.constants';
/** Who may press (督办) a lower level or a property company: the community and above. */
export const PRESSING_ROLES: readonly Role[] = ['community_staff', 'street_commander', 'district_commander'];

/** Staff commands on an appeal; `can` in the detail view says which the caller may use now. */
export const APPEAL_COMMANDS = ['claim', 'reply', 'transfer', 'resolve', 'press', 'escalate', 'rate', 'follow', 'approve'] as const;
export type AppealCommand = (typeof APPEAL_COMMANDS)[number];

export type DueState = 'ok' | 'dueSoon' | 'overdue';

// ─── Views (what the function returns; dates are ISO strings on the wire) ─────────────────────

export interface CategoryView extends CategoryConfig {
  key: AppealCategory;
}

export interface AppealSummary {
  id: string;
  no: string;
  category: AppealCategory;
  categoryLabel: string;
  excerpt: string;
  firstPhoto: string | null;
  status: AppealStatus;
  statusLabel: string;
  buildingName: string;
  holderName: string;
  filedAt: string;
  lastActivityAt: string;
  rating: Rating | null;
}

export interface InboxItem extends AppealSummary {
  level: OrgLevel;
  levelLabel: string;
  address: string;
  handlerName: string | null;
  firstResponderName: string | null;
  dueAt: string | null;
  due: DueState | null;
  isMine: boolean;
  isFirstResponder: boolean;
  escalationCount: number;
  pressCount: number;
  followerCount: number;
}

export interface TimelineView {
  at: string;
  kind: TimelineKind;
  label: string;
  actorName: string;
  text: string | null;
  photos: string[];
}

export interface AppealDetail {
  id: string;
  no: string;
  version: number;
  category: AppealCategory;
  categoryLabel: string;
  description: string;
  photos: string[];
  status: AppealStatus;
  statusLabel: string;
  level: OrgLevel;
  levelLabel: string;
  place: {
    buildingCode: string;
    buildingName: string;
    address: string;
    estateName: string;
    gridName: string;
    communityName: string;
    streetName: string;
  };
  anonymous: boolean;
  /** Staff only. Full to the accountable handler (首问 or current handler), masked to everyone else. */
  resident: { name: string; phone: string | null; masked: boolean } | null;
  holder: { kind: HolderKind; name: string; level: OrgLevel; handlerName: string | null };
  firstResponderName: string | null;
  deadline: { kind: 'respond' | 'resolve'; dueAt: string; state: DueState } | null;
  resolution: { text: string; photos: string[]; at: string; byName: string } | null;
  rating: { value: Rating; label: string; comment: string | null; at: string } | null;
  followerCount: number;
  following: boolean;
  isOwner: boolean;
  /** Content security asked for a person to look first: neighbours do not see it until staff approve. */
  heldForReview: boolean;
  timeline: TimelineView[];
  can: Record<AppealCommand, boolean>;
  filedAt: string;
  lastActivityAt: string;
}

export interface SimilarAppeal {
  id: string;
  no: string;
  categoryLabel: string;
  excerpt: string;
  statusLabel: string;
  filedAt: string;
  followerCount: number;
  following: boolean;
  isOwner: boolean;
  /** "我" for the caller's own appeal; "匿名居民" when the resident hid their details; otherwise a masked name. */
  residentName: string;
}

export type { Page } from './paging';

export interface BulletinItem {
  id: string;
  appealId: string;
  no: string;
  categoryLabel: string;
  excerpt: string;
  reason: EscalationReason;
  reasonLabel: string;
  fromName: string;
  toName: string;
  toLevel: OrgLevel;
  toLevelLabel: string;
  communityName: string;
  at: string;
}

export const ESCALATION_REASONS = ['respond_overdue', 'resolve_overdue', 'dissatisfied', 'manual'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];
export const ESCALATION_REASON_LABELS: Record<EscalationReason, string> = {
  respond_overdue: '超期未响应',
  resolve_overdue: '超期未办结',
  dissatisfied: '群众再次不满意',
  manual: '下级上报',
};

export interface Rates {
  /** 响应率 = responded ÷ received (see domain/rates.ts). Null when the denominator is 0. */
  response: number | null;
  /** 解决率 = resolved ÷ received. */
  resolution: number | null;
  /** 满意率 = (满意 + 基本满意) ÷ rated, each appeal's latest rating. */
  satisfaction: number | null;
  /** 按期办结率 = resolvedOnTime ÷ resolved. */
  onTimeResolution: number | null;
  /** 及时响应率 = respondedOnTime ÷ responded. */
  onTimeResponse: number | null;
}

export interface StatCounts {
  received: number;
  responded: number;
  respondedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  escalated: number;
  autoClosed: number;
}

export interface Dashboard {
  unit: { id: string; name: string; level: OrgLevel; levelLabel: string };
  from: string;
  to: string;
  totals: StatCounts;
  rates: Rates;
  byStatus: Record<AppealStatus, number>;
  byCategory: Array<{ category: AppealCategory; label: string; counts: StatCounts; rates: Rates }>;
  children: Array<{ id: string; name: string; counts: StatCounts; rates: Rates }>;
  bulletin: BulletinItem[];
}

export interface RoutingRulesView {
  communityId: string;
  communityName: string;
  fallback: RoutingTarget;
  rules: Array<{
    category: AppealCategory;
    categoryLabel: string;
    target: RoutingTarget;
    targetLabel: string;
    source: 'community' | 'city';
  }>;
  updatedAt: string | null;
  updatedByName: string | null;
  /** Send back with an edit: a change made meanwhile by someone else is a CONFLICT, not lost. */
  version: number;
}
