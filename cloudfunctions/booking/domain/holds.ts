/**
 * Seats whose booking never came. Booking takes the seat first (the slot document) and then writes
 * the booking (its own document); a crash in between leaves a hold nobody owns. The hold sweep
 * (jobs/checkHolds.ts) looks at every hold once it is older than HOLD_GRACE_MS and decides, from
 * the booking its ref names, whether it is alive. Pure.
 *
 * A hold's ref is `<bookingId>@<v>`: the attempt that took it, on the booking as it was at version
 * v (0: not yet written). The booking owns the hold while its `holdRef` is that ref and its
 * `slotDocId` this slot (two attempts at one version may hold seats in two slots). An attempt
 * finishes only by a write to the booking conditional on version v (a new booking: inserting `_id`),
 * so once the booking is past v, or its `_id` is taken by a tombstone, no attempt can still claim
 * the hold and it is safe to give back.
 */
import type { BookingDoc, Hold } from './model';

export const HOLD_GRACE_MS = 2 * 60_000;

export function parseRef(ref: string): { bookingId: string; version: number } | null {
  const at = ref.lastIndexOf('@');
  if (at <= 0) return null;
  const version = Number(ref.slice(at + 1));
  return Number.isInteger(version) ? { bookingId: ref.slice(0, at), version } : null;
}

/**
 * `alive`: the booking owns it. `dead`: no attempt can claim it any more. `stale`: the booking is
 * still at the attempt's version (an attempt may be mid-way): bump the booking's version first,
 * which makes the attempt's own write fail, then it is dead.
 */
export type HoldVerdict = 'alive' | 'dead' | 'stale';

export function verdictOf(ref: string, slotDocId: string, booking: Pick<BookingDoc, 'holdRef' | 'slotDocId' | 'version'>): HoldVerdict {
  if (booking.holdRef === ref && booking.slotDocId === slotDocId) return 'alive';
  const parsed = parseRef(ref);
  if (!parsed) return 'dead';
  return booking.version > parsed.version ? 'dead' : 'stale';
}

/** Holds the sweep should judge now: unchecked and older than the grace period. */
export const holdsToJudge = (holds: readonly Hold[], now: Date): Hold[] => holds.filter((h) => !h.checked && now.getTime() - h.at.getTime() >= HOLD_GRACE_MS);

/** When the sweep must look again: the oldest unchecked hold's age out of grace, or null. */
export function checkAtOf(holds: readonly Hold[]): Date | null {
  const unchecked = holds.filter((h) => !h.checked).map((h) => h.at.getTime());
  return unchecked.length ? new Date(Math.min(...unchecked) + HOLD_GRACE_MS) : null;
}

/** The holds after the sweep's judgement: dead ones dropped, alive ones checked. Null: nothing changes. */
export function judged(holds: readonly Hold[], alive: ReadonlySet<string>, dead: ReadonlySet<string>): Hold[] | null {
  if (!holds.some((h) => dead.has(h.ref) || (alive.has(h.ref) && !h.checked))) return null;
  return holds.filter((h) => !dead.has(h.ref)).map((h) => (alive.has(h.ref) ? { ...h, checked: true } : h));
}
