/**
 * 家园议事会 — council: stages (提事 → 议事 → 表决 → 办事 → 评事), scopes, vote rules, limits and the
 * view types. Zod-free, so app pages can import them without bundling zod; `council.ts` re-exports it.
 */

// ─── Stages ───────────────────────────────────────────────────────────────────────────────────

/**
 * review: waits for staff (content check said so) — seen by its raiser and staff only;
 * proposed: 提事, collecting 附议; agenda: 议事, on the agenda; voting: 表决, a window is open;
 * doing: 办事; rating: 评事; closed: done (or the vote failed); declined: staff turned it down.
 */
export const MATTER_STAGES = ['review', 'proposed', 'agenda', 'voting', 'doing', 'rating', 'closed', 'declined'] as const;
export type MatterStage = (typeof MATTER_STAGES)[number];

export const MATTER_STAGE_LABELS: Record<MatterStage, string> = {
  review: '待审核',
  proposed: '征集附议',
  agenda: '议事中',
  voting: '表决中',
  doing: '办理中',
  rating: '待评价',
  closed: '已结束',
  declined: '未采纳',
};

/** The five steps residents know, each a tab of the board. */
export const COUNCIL_STEPS = ['propose', 'discuss', 'vote', 'do', 'rate', 'done'] as const;
export type CouncilStep = (typeof COUNCIL_STEPS)[number];
export const COUNCIL_STEP_LABELS: Record<CouncilStep, string> = { propose: '提事', discuss: '议事', vote: '表决', do: '办事', rate: '评事', done: '已结束' };
export const STEP_STAGES: Record<CouncilStep, readonly MatterStage[]> = {
  propose: ['proposed'],
  discuss: ['agenda'],
  vote: ['voting'],
  do: ['doing'],
  rate: ['rating'],
  done: ['closed', 'declined'],
};

// ─── Scope ────────────────────────────────────────────────────────────────────────────────────

/** Whose matter it is: one building's households, an estate's (小区), or the whole community's. */
export const MATTER_SCOPES = ['building', 'estate', 'community'] as const;
export type MatterScope = (typeof MATTER_SCOPES)[number];
export const MATTER_SCOPE_LABELS: Record<MatterScope, string> = { building: '本楼栋', estate: '本小区', community: '本社区' };

// ─── Votes ────────────────────────────────────────────────────────────────────────────────────

/**
 * majority: more than half of the votes cast, with a quorum of the eligible households taking part;
 * civil278: 民法典第二百七十八条 — participation ≥ 2/3 of households (and of floor area where known),
 * approval > 1/2 of the participants (≥ 3/4 for major matters), by both headcount and area.
 */
export const VOTE_RULES = ['majority', 'civil278'] as const;
export type VoteRule = (typeof VOTE_RULES)[number];
export const VOTE_RULE_LABELS: Record<VoteRule, string> = { majority: '简单多数（须达法定人数）', civil278: '民法典第278条' };

/** approval: 赞成 / 反对 / 弃权; choice: several options, the one most households chose. */
export type BallotKind = 'approval' | 'choice';
export const APPROVAL_OPTIONS = [
  { id: 'yes', label: '赞成' },
  { id: 'no', label: '反对' },
  { id: 'abstain', label: '弃权' },
] as const;

/** What the 提交议题 tap asks the raiser to subscribe to: their matter's progress, and votes opening. */
export const COUNCIL_SUBSCRIPTIONS = ['councilMatterUpdate', 'councilVoteOpened'] as const;
/** What a 附议 (or another resident's tap) may ask: to hear when a vote opens. */
export const COUNCIL_VOTE_SUBSCRIPTIONS = ['councilVoteOpened'] as const;

export const DEFAULT_COSIGN_THRESHOLD = 5;
export const COSIGN_THRESHOLD_BOUNDS = { min: 2, max: 50 } as const;

/** A community's council settings. */
export interface CouncilSettingsView {
  communityId: string;
  communityName: string;
  cosignThreshold: number;
  /** Community staff of it may change them; others above read. */
  canEdit: boolean;
}
export const DEFAULT_QUORUM_PERCENT = 50;

export const COUNCIL_LIMITS = {
  titleMax: 40,
  descriptionMax: 1000,
  photosMax: 6,
  optionMax: 20,
  optionsMin: 2,
  optionsMax: 10,
  noteMax: 200,
  commentMax: 300,
  placeMax: 30,
  minutesMax: 1000,
  ownerMax: 20,
  /** A vote window lasts at least this long… */
  windowMinMinutes: 5,
  /** …and at most this many days. */
  windowMaxDays: 30,
} as const;

// ─── Views ────────────────────────────────────────────────────────────────────────────────────

export interface ScopeView {
  kind: MatterScope;
  kindLabel: string;
  id: string;
  /** 1号楼, 海岸花园, 海岸社区. */
  name: string;
}

export interface MatterSummary {
  id: string;
  title: string;
  stage: MatterStage;
  stageLabel: string;
  step: CouncilStep | null;
  scope: ScopeView;
  cosigns: number;
  threshold: number;
  createdAt: string;
  /** When the vote window closes, while one is open. */
  closesAt: string | null;
}

export interface OptionView {
  id: string;
  label: string;
}

export interface OptionResult extends OptionView {
  households: number;
  /** ㎡ of the households that chose it (where known). */
  area: number;
}

export interface ResultCheck {
  label: string;
  met: boolean;
}

export interface BallotResult {
  outcome: 'passed' | 'failed';
  /** The option carried (approval ballots: 'yes' when passed). */
  winner: string | null;
  eligibleHouseholds: number;
  votedHouseholds: number;
  /** ㎡ over the households whose area is known; 0 when none is. */
  eligibleArea: number;
  votedArea: number;
  areaKnownHouseholds: number;
  options: OptionResult[];
  checks: ResultCheck[];
  summary: string;
}

export interface BallotView {
  kind: BallotKind;
  rule: VoteRule;
  ruleLabel: string;
  major: boolean;
  quorumPercent: number;
  options: OptionView[];
  opensAt: string;
  closesAt: string;
  open: boolean;
  /** Live during the window: how many households voted of how many may (the roll fixed at the opening). */
  turnout: { voted: number; eligible: number };
  /** The roll fixed at the opening: the bar the count is measured against. */
  roll: { households: number; areaKnownHouseholds: number; area: number };
  /** Staff only: turnout per building (never per room). */
  buildings: Array<{ buildingId: string; name: string; voted: number }> | null;
  /** Only once the window has closed and the votes are counted. */
  result: BallotResult | null;
}

/** What the caller's household may do with the matter. */
export interface MyPart {
  verified: boolean;
  inScope: boolean;
  cosigned: boolean;
  canCosign: boolean;
  /** The household is on the roll of the matter's vote (fixed when the window opened). */
  onRoll: boolean;
  canVote: boolean;
  /** Cast by the household (by the caller or a family member), shown to that household only. */
  householdVote: { optionId: string; label: string; byMe: boolean } | null;
  /** 评事: the household's rating, and whether it may rate now. */
  rated: number | null;
  canRate: boolean;
  /** Residents of the community (verified or not) and its staff discuss. */
  canComment: boolean;
  /** Why the caller cannot take part, in words. */
  hint: string | null;
}

export interface MatterLogEntry {
  at: string;
  label: string;
  by: string;
  note: string | null;
}

/** 议事: a comment, flat with an optional reply-to (one level of threading). */
export interface CommentView {
  id: string;
  text: string;
  /** 「1号楼居民」 or the staff member's community: never a name or room of a resident. */
  author: string;
  byStaff: boolean;
  replyTo: string | null;
  createdAt: string;
  mine: boolean;
  /** Held for review: seen by its author and staff only. */
  held: boolean;
}

/** 议事: a meeting held about the matter, with its minutes. */
export interface MeetingView {
  day: string;
  place: string;
  minutes: string;
  by: string;
}

/** 办事: a step of the work, with who answers for it and by when. */
export interface ProgressView {
  at: string;
  note: string;
  photos: string[];
  owner: string | null;
  dueDay: string | null;
  by: string;
}

export interface MatterView extends MatterSummary {
  description: string;
  photos: string[];
  raisedBy: string;
  byStaff: boolean;
  communityId: string;
  communityName: string;
  version: number;
  mine: MyPart;
  ballot: BallotView | null;
  log: MatterLogEntry[];
  meetings: MeetingView[];
  progress: ProgressView[];
  /** 评事: households' ratings (1–5) once it is done. */
  rating: { count: number; average: number } | null;
  /** Staff rights on it now. */
  can: { moderate: boolean; openVote: boolean; advance: boolean; progress: boolean; minutes: boolean };
  isStaff: boolean;
}
