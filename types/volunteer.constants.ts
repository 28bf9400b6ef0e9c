/**
 * 志愿服务 — volunteer: activity types, requirements, statuses, the hours rule, limits and the view
 * types. Zod-free, so app pages can import them without bundling zod; `volunteer.ts` re-exports all.
 */

// ─── Activities ───────────────────────────────────────────────────────────────────────────────

/** 邻里帮 (help), 邻里和 (mediation), 邻里安 (safety), 邻里情 (care). */
export const ACTIVITY_TYPES = ['help', 'harmony', 'safety', 'care'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = { help: '邻里帮', harmony: '邻里和', safety: '邻里安', care: '邻里情' };

/** What an activity asks of its volunteers; shown, and confirmed by the volunteer when signing up. */
export const REQUIREMENTS = ['party_member', 'adult'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];
export const REQUIREMENT_LABELS: Record<Requirement, string> = { party_member: '需党员', adult: '年满18岁' };

export const ACTIVITY_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = { draft: '未发布', published: '报名中', cancelled: '已取消' };

/** A person's place on an activity's roster. */
export const SIGNUP_STATUSES = ['none', 'signed_up', 'waiting', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = { none: '未报名', signed_up: '已报名', waiting: '候补中', cancelled: '已取消报名' };

/** Asked for on the 报名 tap (at most three): promotion from the waiting list, cancellation, the reminder. */
export const VOLUNTEER_SUBSCRIPTIONS = ['volunteerPromoted', 'volunteerCancelled', 'volunteerReminder'] as const;
/** Asked for on the 双报到 tap: the half-year reminder. */
export const DECLARE_SUBSCRIPTIONS = ['volunteerHalfYear'] as const;

/** What an activity's check-in QR says: the activity and its 签到码, so a scan of another activity's code is told apart. */
export const volunteerScanText = (activityId: string, code: string): string => `jiayuan:volunteer:${activityId}:${code}`;

/** The 签到码 for `activityId` in a scanned text (its QR's text, or six digits), else null. */
export function checkCodeFromScan(text: string, activityId: string): string | null {
  const t = text.trim();
  if (/^\d{6}$/.test(t)) return t;
  const match = /^jiayuan:volunteer:(.+):(\d{6})$/.exec(t);
  return match && match[1] === activityId ? match[2] : null;
}

// ─── Teams ────────────────────────────────────────────────────────────────────────────────────

/** open: anyone joins at once; approval: the leader or community staff approve. */
export const JOIN_POLICIES = ['open', 'approval'] as const;
export type JoinPolicy = (typeof JOIN_POLICIES)[number];
export const JOIN_POLICY_LABELS: Record<JoinPolicy, string> = { open: '直接加入', approval: '需审核' };

export const MEMBER_STATUSES = ['pending', 'active', 'rejected'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { pending: '待审核', active: '已加入', rejected: '未通过' };

// ─── Hours ────────────────────────────────────────────────────────────────────────────────────

export const ROUNDING_MODES = ['down', 'nearest', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
export const ROUNDING_MODE_LABELS: Record<RoundingMode, string> = { down: '向下取整', nearest: '四舍五入', up: '向上取整' };

/** A community's rule for turning minutes served into hours: to a multiple of `unitMinutes`. */
export interface HoursRule {
  unitMinutes: number;
  mode: RoundingMode;
}
/** Default: round down to half an hour. */
export const DEFAULT_HOURS_RULE: HoursRule = { unitMinutes: 30, mode: 'down' };
export const HOURS_UNITS = [1, 15, 30, 60] as const;

export const VOLUNTEER_LIMITS = {
  nameMax: 30,
  titleMax: 40,
  placeMax: 60,
  descriptionMax: 500,
  introMax: 200,
  reasonMax: 200,
  capacityMax: 500,
  /** An activity lasts at most this long. */
  maxHours: 12,
  /** Activities are published at most this many days ahead. */
  horizonDays: 90,
  /** 签到/签退 margin: from this long before the start until this long after the end. */
  checkMarginMinutes: 30,
  /** The reminder goes to those signed up this long before the start. */
  reminderMinutes: 120,
} as const;

// ─── Views ────────────────────────────────────────────────────────────────────────────────────

export interface CommunityRef {
  id: string;
  name: string;
}

export interface TeamView {
  id: string;
  name: string;
  intro: string;
  joinPolicy: JoinPolicy;
  joinPolicyLabel: string;
  leaderName: string;
  members: number;
  /** The caller's membership, or null. */
  myStatus: MemberStatus | null;
  /** The caller leads it or is staff of its community. */
  canManage: boolean;
}

export interface CommunityTeams {
  community: CommunityRef;
  teams: TeamView[];
}

export interface MemberView {
  teamId: string;
  openid: string;
  name: string;
  status: MemberStatus;
  statusLabel: string;
  at: string;
}

export interface ActivitySummary {
  id: string;
  title: string;
  type: ActivityType;
  typeLabel: string;
  teamName: string;
  place: string;
  start: string;
  end: string;
  capacity: number;
  signedUp: number;
  waiting: number;
  status: ActivityStatus;
  statusLabel: string;
  requirements: Requirement[];
}

export interface ActivityView extends ActivitySummary {
  teamId: string;
  community: CommunityRef;
  description: string;
  requirementLabels: string[];
  cancelReason: string | null;
  my: {
    status: SignupStatus;
    statusLabel: string;
    /** 1-based place on the waiting list, when waiting. */
    waitingPosition: number | null;
    checkInAt: string | null;
    checkOutAt: string | null;
  };
  /** The check-in window (margin included). */
  checkFrom: string;
  checkUntil: string;
  can: { signUp: boolean; cancelSignUp: boolean; checkIn: boolean; checkOut: boolean; manage: boolean };
  /** The code to check in with: shown to those who manage the activity only. */
  code: string | null;
  version: number;
}

export interface HistoryEntry {
  at: string;
  kind: 'check_in' | 'check_out' | 'correct';
  by: string;
  reason: string | null;
  checkInAt: string | null;
  checkOutAt: string | null;
}

export interface RosterRow {
  openid: string;
  name: string;
  status: SignupStatus;
  statusLabel: string;
  waitingPosition: number | null;
  signedAt: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  /** Hours by the community's rule (this activity alone). */
  hours: number;
  corrected: boolean;
  history: HistoryEntry[];
}

export interface RosterView {
  activity: ActivityView;
  /** The check-in QR (PNG data URL) to show on site. */
  codeQr: string;
  rows: RosterRow[];
  rule: HoursRule;
}

export interface RecordItem {
  activityId: string;
  title: string;
  type: ActivityType;
  typeLabel: string;
  teamName: string;
  communityName: string;
  start: string;
  end: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  /** Credited hours: rounded by the community's rule, time already counted for an overlapping activity left out. */
  hours: number;
  corrected: boolean;
  /** For an activity still to come: signed up or waiting (and where). */
  upcoming: { status: SignupStatus; statusLabel: string; waitingPosition: number | null } | null;
}

export interface PeriodTotal {
  key: string;
  label: string;
  hours: number;
  activities: number;
}

export interface ServiceRecord {
  name: string;
  items: RecordItem[];
  totals: { year: PeriodTotal; halfYear: PeriodTotal; all: PeriodTotal };
}

// ─── 双报到 and 志愿服务证明 ───────────────────────────────────────────────────────────────────

/**
 * A party member's 双报到: to their 报到单位 (the organisation they report to) and/or the community
 * they live in; each must serve at least once per half-year.
 */
export interface DeclarationView {
  unit: string | null;
  community: CommunityRef | null;
  declaredAt: string;
  /** This half-year (Asia/Shanghai): served at least once? */
  halfYear: { key: string; label: string; activities: number; hours: number; done: boolean };
}

export interface MyDeclaration {
  declaration: DeclarationView | null;
  /** The caller's household community, offered as the residential community. */
  homeCommunity: CommunityRef | null;
}

export interface ReportedMember {
  openid: string;
  name: string;
  unit: string | null;
  activities: number;
  hours: number;
  done: boolean;
}

export interface ReportedMembers {
  community: CommunityRef;
  halfYear: { key: string; label: string };
  members: ReportedMember[];
  done: number;
}

/**
 * 志愿服务证明, with what 《志愿服务记录与证明出具办法（试行）》 asks a certificate to state: the
 * volunteer, the period, the hours and the services, the issuing organisation and date — plus a code
 * anyone can verify it by.
 */
export interface CertificateView {
  code: string;
  name: string;
  from: string;
  to: string;
  hours: number;
  activities: number;
  /** The services: each activity's title, type, team, day and credited hours (most recent first, at most 20). */
  services: Array<{ title: string; typeLabel: string; teamName: string; day: string; hours: number }>;
  issuer: string;
  /** The issuing community's phone: whom to ask about the certificate. */
  issuerPhone: string | null;
  issuedAt: string;
  /** Said under the figures: how hours were counted and how to verify. */
  note: string;
}

export const CERTIFICATE_SERVICES_MAX = 20;
