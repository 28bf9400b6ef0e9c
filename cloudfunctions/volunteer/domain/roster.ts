/**
 * The roster of an activity: signing up (a seat while any is left, else the end of the waiting list),
 * cancelling (the first waiting takes the freed seat: exactly one per seat, in order) and where one
 * stands. Pure: the caller writes the result conditionally on the version it read.
 */
import type { SignupStatus } from '../../../types/volunteer.constants';
import type { ActivityDoc, RosterEntry } from './model';

type Roster = Pick<ActivityDoc, 'capacity' | 'seated' | 'waiting' | 'left'>;

const counted = (seated: RosterEntry[], waiting: RosterEntry[]) => ({ seated, waiting, seatedCount: seated.length, waitingCount: waiting.length });

export interface Standing {
  status: SignupStatus;
  waitingPosition: number | null;
}

export function standingOf(roster: Roster, openid: string): Standing {
  if (roster.seated.some((e) => e.openid === openid)) return { status: 'signed_up', waitingPosition: null };
  const i = roster.waiting.findIndex((e) => e.openid === openid);
  if (i >= 0) return { status: 'waiting', waitingPosition: i + 1 };
  if (roster.left.some((e) => e.openid === openid)) return { status: 'cancelled', waitingPosition: null };
  return { status: 'none', waitingPosition: null };
}

/** The roster with `entry` added; null when it is already there (same person, or a retry of a request). */
export function signUp(roster: Roster, entry: RosterEntry): Pick<ActivityDoc, 'seated' | 'waiting' | 'seatedCount' | 'waitingCount'> | null {
  const all = [...roster.seated, ...roster.waiting];
  if (all.some((e) => e.openid === entry.openid)) return null;
  if (roster.left.some((e) => e.requestId === entry.requestId && e.openid === entry.openid)) return null;
  return roster.seated.length < roster.capacity ? counted([...roster.seated, entry], roster.waiting) : counted(roster.seated, [...roster.waiting, entry]);
}

/** The roster without `openid`; a freed seat goes to the first waiting. Null when they are not on it. */
export function cancel(roster: Roster, openid: string): (ReturnType<typeof counted> & { left: RosterEntry[]; removed: RosterEntry; promoted: RosterEntry[] }) | null {
  const seatedAt = roster.seated.findIndex((e) => e.openid === openid);
  const waitingAt = roster.waiting.findIndex((e) => e.openid === openid);
  if (seatedAt < 0 && waitingAt < 0) return null;
  const removed = seatedAt >= 0 ? roster.seated[seatedAt] : roster.waiting[waitingAt];
  let seated = roster.seated.filter((e) => e.openid !== openid);
  let waiting = roster.waiting.filter((e) => e.openid !== openid);
  const free = Math.max(0, roster.capacity - seated.length);
  const promoted = waiting.slice(0, free);
  seated = [...seated, ...promoted];
  waiting = waiting.slice(promoted.length);
  return { ...counted(seated, waiting), left: [...roster.left, removed], removed, promoted };
}
