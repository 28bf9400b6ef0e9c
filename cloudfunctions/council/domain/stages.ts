/**
 * The matter's state machine, pure: 提事 (review → proposed) → 议事 (agenda) → 表决 (voting) → 办事
 * (doing) → 评事 (rating) → closed; declined by staff from review or proposed; a failed vote closes it.
 * Each transition is a patch and a log entry; one it does not allow is a CONFLICT in words.
 */
import { MATTER_STAGE_LABELS, STEP_STAGES, COUNCIL_STEPS, type BallotResult, type CouncilStep, type MatterStage, type Screening } from './types';
import { AppError, conflict } from '../../core/errors';
import { formatShanghai } from '../../core/time/workingTime';
import type { Ballot, LogEntry, MatterDoc, MatterEffect, MeetingEntry, Person, ProgressEntry } from './model';
import { announceEffectId } from './roll';

export interface Transition {
  set: Partial<MatterDoc>;
  log: LogEntry;
  /** 办事 steps to append. */
  progress?: ProgressEntry[];
  /** 议事 meetings to append. */
  meetings?: MeetingEntry[];
  /** The change's own effects (besides the raiser's notice). */
  effects?: MatterEffect[];
}

/** Votes in flight at the close still land: the count waits this long after the window. */
export const TALLY_GRACE_MS = 15_000;

const entry = (kind: LogEntry['kind'], by: Person, note: string | null, now: Date): LogEntry => ({ at: now, kind, by, note });

export function stepOf(stage: MatterStage): CouncilStep | null {
  return COUNCIL_STEPS.find((s) => STEP_STAGES[s].includes(stage)) ?? null;
}

/** Where a new matter starts: held for review when screening says so; staff's go straight to the agenda. */
export function startStage(byStaff: boolean, screening: Screening): MatterStage {
  if (screening === 'review') return 'review';
  return byStaff ? 'agenda' : 'proposed';
}

function expect(doc: MatterDoc, stages: readonly MatterStage[], what: string): void {
  if (!stages.includes(doc.stage)) throw conflict(`该议题${MATTER_STAGE_LABELS[doc.stage]}，不能${what}`);
}

/** Staff show a held matter (on to 附议, or the agenda when staff raised it or it has enough support) or decline it. */
export function moderate(doc: MatterDoc, by: Person, approve: boolean, reason: string | null, now: Date): Transition {
  expect(doc, approve ? ['review'] : ['review', 'proposed'], approve ? '审核通过' : '不采纳');
  if (!approve) return { set: { stage: 'declined', updatedAt: now }, log: entry('declined', by, reason, now) };
  const stage: MatterStage = doc.byStaff || doc.cosigns >= doc.threshold ? 'agenda' : 'proposed';
  return { set: { stage, updatedAt: now }, log: entry('shown', by, reason, now) };
}

/** The count of 附议 rose to `count`: kept (never lowered), and at the threshold a proposed matter goes on the agenda. */
export function cosigned(doc: MatterDoc, count: number, now: Date): Transition | null {
  if (count <= doc.cosigns) return null;
  const reaches = doc.stage === 'proposed' && count >= doc.threshold;
  return {
    set: { cosigns: count, ...(reaches ? { stage: 'agenda' as const } : {}), updatedAt: now },
    log: entry(reaches ? 'agenda' : 'raised', { openid: 'system', name: '系统' }, reaches ? `${count}户附议，进入议事` : null, now),
  };
}

/** Whether a transition's log entry is worth keeping (a mere count is not). */
export const logged = (t: Transition) => t.log.kind !== 'raised' || t.log.note !== null;

/** Whether a vote may be opened on the matter now (checked before its roll is written). */
export const assertOpenable = (doc: MatterDoc) => expect(doc, ['agenda'], '发起表决');

/** Opens the window on the roll written for it; every resident on the roll is told (the announce effect). */
export function openVote(doc: MatterDoc, ballot: Ballot, now: Date): Transition {
  assertOpenable(doc);
  if (ballot.closesAt.getTime() <= now.getTime()) throw new AppError('INVALID_INPUT', '截止时间须晚于现在', [{ path: 'closesAt', message: '截止时间须晚于现在' }]);
  const labels = ballot.options.map((o) => o.label).join('/');
  return {
    set: { stage: 'voting', ballot, result: null, tallyAt: new Date(ballot.closesAt.getTime() + TALLY_GRACE_MS), updatedAt: now },
    log: entry('voteOpened', ballot.openedBy, `${labels}，截止${formatShanghai(ballot.closesAt, 'YYYY年MM月DD日 HH:mm')}`, now),
    effects: [{ id: announceEffectId(doc._id, doc.version + 1), kind: 'announce', rollId: ballot.roll.id }],
  };
}

/** Whether a vote cast at `now` counts: the window is open. */
export function windowOpen(doc: Pick<MatterDoc, 'stage' | 'ballot'>, now: Date): boolean {
  const b = doc.ballot;
  return doc.stage === 'voting' && !!b && now.getTime() >= new Date(b.opensAt).getTime() && now.getTime() < new Date(b.closesAt).getTime();
}

/** The window is over and counted: passed → 办事, failed → closed. Null: not voting (already counted). */
export function closeVote(doc: MatterDoc, result: BallotResult, now: Date): Transition | null {
  if (doc.stage !== 'voting' || !doc.ballot) return null;
  if (now.getTime() < new Date(doc.ballot.closesAt).getTime()) throw conflict('表决尚未结束');
  return {
    set: { stage: result.outcome === 'passed' ? 'doing' : 'closed', result, tallyAt: null, updatedAt: now },
    log: entry('voteClosed', { openid: 'system', name: '系统' }, result.summary, now),
  };
}

/** 议事: a meeting's minutes, while the matter is on the agenda. */
export function addMeeting(doc: MatterDoc, meeting: MeetingEntry): Transition {
  expect(doc, ['agenda'], '登记会议纪要');
  return { set: { updatedAt: meeting.at }, log: entry('meeting', meeting.by, `${meeting.day} ${meeting.place}`, meeting.at), meetings: [meeting] };
}

/** 办事: a step of the work, while the matter is being done. */
export function addProgress(doc: MatterDoc, step: ProgressEntry): Transition {
  expect(doc, ['doing'], '登记办理进展');
  return { set: { updatedAt: step.at }, log: entry('progress', step.by, step.note, step.at), progress: [step] };
}

/** 评事: households rate only while the matter waits for ratings. */
export function assertRating(doc: Pick<MatterDoc, 'stage'>): void {
  if (doc.stage !== 'rating') throw conflict(doc.stage === 'closed' ? '评价已结束' : '办结后才能评价');
}

/** 办事 → 评事 (办结), 评事 → 已结束. */
export function advance(doc: MatterDoc, by: Person, note: string | null, now: Date): Transition {
  expect(doc, ['doing', 'rating'], '推进');
  return doc.stage === 'doing'
    ? { set: { stage: 'rating', updatedAt: now }, log: entry('done', by, note, now) }
    : { set: { stage: 'closed', updatedAt: now }, log: entry('closed', by, note, now) };
}
