/** The documents of the volunteer collections, as stored. */
import type { ActivityStatus, ActivityType, HoursRule, JoinPolicy, MemberStatus, Requirement } from '../../../types/volunteer.constants';
import type { NotifyEffect } from '../../core/commands/runner';
import type { Versioned } from '../../core/commands/versioned';

export interface Person {
  openid: string;
  name: string;
}

export interface TeamDoc {
  _id: string;
  communityId: string;
  name: string;
  intro: string;
  joinPolicy: JoinPolicy;
  leader: Person;
  order: number;
  createdAt: Date;
  /** Set on a 党员志愿服务队: the 报到单位 it serves for. */
  unit?: { id: string; name: string } | null;
}

/** `_id` = `<teamId>_<openid>`: one membership per person and team. */
export interface MemberDoc {
  _id: string;
  teamId: string;
  communityId: string;
  openid: string;
  name: string;
  status: MemberStatus;
  at: Date;
  reviewedBy: Person | null;
}

/** One place on an activity's roster. */
export interface RosterEntry {
  openid: string;
  name: string;
  requestId: string;
  at: Date;
}

/**
 * An activity with its roster: `seated` (at most `capacity`) and `waiting`, in sign-up order, changed
 * only by writes conditional on `version`. `left` keeps those who cancelled, so a late retry of their
 * request does not sign them up again.
 */
export interface ActivityDoc extends Versioned<NotifyEffect> {
  communityId: string;
  communityName: string;
  /** District … community: who covers it. */
  communityPath: string[];
  teamId: string;
  teamName: string;
  leaderOpenid: string;
  /** The 报到单位 whose 党员志愿服务队 runs it: what "a unit's activity this month" counts. */
  unitId?: string | null;
  title: string;
  type: ActivityType;
  description: string;
  place: string;
  start: Date;
  end: Date;
  capacity: number;
  requirements: Requirement[];
  status: ActivityStatus;
  cancelReason: string | null;
  /** 签到码. */
  code: string;
  seated: RosterEntry[];
  waiting: RosterEntry[];
  left: RosterEntry[];
  /** `seated.length` and `waiting.length`, written with them: lists read these, not the roster. */
  seatedCount: number;
  waitingCount: number;
  /** When the reminder goes out (null: sent or not due). */
  remindAt: Date | null;
  createdBy: Person;
  createdAt: Date;
}

export interface HistoryRecord {
  at: Date;
  kind: 'check_in' | 'check_out' | 'correct';
  by: Person;
  reason: string | null;
  checkInAt: Date | null;
  checkOutAt: Date | null;
}

/** One person's record of one activity, `_id` = `<activityId>_<openid>`: check-in/out and its history. */
export interface RecordDoc extends Versioned<NotifyEffect> {
  activityId: string;
  communityId: string;
  /** District … community, as the activity's: which ledgers the record is in. */
  communityPath: string[];
  openid: string;
  name: string;
  activity: { title: string; type: ActivityType; teamName: string; communityName: string; start: Date; end: Date };
  /** The activity's start: how a person's records are ordered. */
  start: Date;
  checkInAt: Date | null;
  checkOutAt: Date | null;
  corrected: boolean;
  history: HistoryRecord[];
  createdAt: Date;
}

export interface SettingsDoc {
  _id: string;
  hoursRule: HoursRule;
  updatedAt: Date;
  updatedBy: Person | null;
}

export const memberId = (teamId: string, openid: string) => `${teamId}_${openid}`;
export const recordId = (activityId: string, openid: string) => `${activityId}_${openid}`;

/** A 报到单位 registered with a community. `_id` derives from the community and the name: one per both. */
export interface UnitDoc {
  _id: string;
  communityId: string;
  communityName: string;
  /** District … community: who covers it (and every scope it is counted in). */
  communityPath: string[];
  name: string;
  contact: string;
  phone: string;
  createdBy: Person;
  createdAt: Date;
}

export interface ProgressEntry {
  at: Date;
  by: Person;
  note: string;
  /** fileIDs, the poster's own uploads. */
  photos: string[];
}

/** 项目化服务: a yearly commitment a community publishes and a unit claims. */
export interface ProjectDoc {
  _id: string;
  communityId: string;
  communityPath: string[];
  /** The Shanghai year of its due day. */
  year: string;
  content: string;
  owner: string;
  dueDay: string;
  unit: { id: string; name: string } | null;
  progress: ProgressEntry[];
  version: number;
  createdBy: Person;
  createdAt: Date;
}
