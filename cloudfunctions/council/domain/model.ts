/** The council's stored shapes: a matter (versioned), its 附议 and its votes (one per household by `_id`). */
import type { BallotKind, BallotResult, MatterScope, MatterStage, VoteRule } from '../../../types/council.constants';
import type { NotifyEffect } from '../../core/commands/runner';
import type { EffectBase, Versioned } from '../../core/commands/versioned';
import type { RollTotals } from './roll';

export interface Person {
  openid: string;
  name: string;
}

export interface Scope {
  kind: MatterScope;
  /** The building, estate or community id. */
  id: string;
  name: string;
}

export interface Ballot {
  kind: BallotKind;
  options: Array<{ id: string; label: string }>;
  rule: VoteRule;
  major: boolean;
  quorumPercent: number;
  opensAt: Date;
  closesAt: Date;
  /** The verified households in scope when the window opened: what live turnout is shown against. */
  rollHouseholds: number;
  /** The roll fixed at the opening (`councilRoll` documents of this id) and its totals: the bar of the count. */
  roll: BallotRoll;
  openedBy: Person;
}

export interface BallotRoll extends RollTotals {
  id: string;
}

/** The opening's broadcast: every verified resident on the roll is told once (applied after the write). */
export interface AnnounceEffect extends EffectBase {
  kind: 'announce';
  rollId: string;
}

export type MatterEffect = NotifyEffect | AnnounceEffect;

export interface LogEntry {
  at: Date;
  kind: 'raised' | 'held' | 'shown' | 'declined' | 'agenda' | 'voteOpened' | 'voteClosed' | 'meeting' | 'progress' | 'done' | 'closed';
  by: Person;
  note: string | null;
}

/** 议事: a meeting and its minutes. */
export interface MeetingEntry {
  day: string;
  place: string;
  minutes: string;
  by: Person;
  at: Date;
}

/** 办事: one step of the work. */
export interface ProgressEntry {
  at: Date;
  note: string;
  photos: string[];
  owner: string | null;
  dueDay: string | null;
  by: Person;
}

export interface MatterDoc extends Versioned<MatterEffect> {
  _id: string;
  communityId: string;
  communityName: string;
  streetId: string;
  districtId: string;
  /** The building's grid, for building matters (its grid worker may act on them). */
  gridId: string | null;
  scope: Scope;
  title: string;
  description: string;
  photos: string[];
  raisedBy: Person;
  /** Where the raiser lives (a building's name), shown instead of their name or room. */
  raisedFrom: string;
  byStaff: boolean;
  stage: MatterStage;
  cosigns: number;
  threshold: number;
  ballot: Ballot | null;
  /** The timer: when the window's votes are counted (its close plus a grace for votes in flight). */
  tallyAt: Date | null;
  result: BallotResult | null;
  log: LogEntry[];
  /** 办事 steps (absent on matters written before it existed). */
  progress?: ProgressEntry[];
  /** 议事 meetings (absent on matters written before it existed). */
  meetings?: MeetingEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/** One household's vote: `_id` = `<matterId>:<householdId>`, so a second one cannot be stored. */
export interface VoteDoc {
  _id: string;
  matterId: string;
  householdId: string;
  buildingId: string;
  optionId: string;
  /** The household's floor area on the roll (counted even if it loses its verification before the count). */
  area: number | null;
  /** The roll the household was on. */
  rollId: string;
  voter: string;
  castAt: Date;
}

/**
 * A household on a vote's roll: `_id` = `<rollId>:<householdId>`. Written before the window opens; the
 * matter names the roll only in the write that opens it, so a half-written roll is never an open vote.
 */
export interface RollDoc {
  _id: string;
  rollId: string;
  matterId: string;
  householdId: string;
  buildingId: string;
  area: number | null;
  /** Its verified residents at the opening: who hears that the vote opened. */
  residents: string[];
  at: Date;
}

/** One household's 附议: `_id` = `<matterId>:<householdId>`. */
export interface CosignDoc {
  _id: string;
  matterId: string;
  householdId: string;
  by: string;
  at: Date;
}

/** One household's 评事: `_id` = `<matterId>:<householdId>`. */
export interface RatingDoc {
  _id: string;
  matterId: string;
  householdId: string;
  stars: number;
  comment: string | null;
  by: string;
  at: Date;
}

/** 议事: a comment; `_id` from its author and request id, so a retry is the same comment. */
export interface CommentDoc {
  _id: string;
  matterId: string;
  text: string;
  author: string;
  authorOpenid: string;
  byStaff: boolean;
  replyTo: string | null;
  /** Content screening said 'review': hidden from others until staff look. */
  held: boolean;
  createdAt: Date;
}

/** A household as the council rules see it: opaque id (never the room), building, area where known. */
export interface Household {
  id: string;
  buildingId: string;
  area: number | null;
}
