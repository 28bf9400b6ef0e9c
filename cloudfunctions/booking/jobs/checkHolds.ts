/**
 * Gives back seats whose booking never came (see domain/holds.ts): for every slot with unchecked
 * holds past the grace period, each hold's booking is looked at; a missing booking's id is claimed
 * by a tombstone first, a booking still at the attempt's version is moved on first, so that no
 * attempt can finish after its seat was given back.
 */
import { AppError } from '../../core/errors';
import { dueBatch } from '../../core/db/keyset';
import { drain, type Tally } from '../../core/jobs/drain';
import { runCommand } from '../app/command';
import { checkAtOf, holdsToJudge, judged, parseRef, verdictOf } from '../domain/holds';
import type { Hold, SlotDoc } from '../domain/model';
import { touch } from '../domain/stateMachine';
import { bookingsRepo } from '../repos/bookings';
import { slotCommands } from '../repos/slots';

type Verdict = 'alive' | 'dead' | 'unknown';

const RETRY_MS = 60_000;

async function judge(slot: SlotDoc, hold: Hold, now: Date): Promise<Verdict> {
  const parsed = parseRef(hold.ref);
  if (!parsed) return 'dead';
  let booking = await bookingsRepo.get(parsed.bookingId);
  if (!booking) {
    if (await bookingsRepo.insertTombstone(parsed.bookingId, now)) return 'dead';
    booking = await bookingsRepo.get(parsed.bookingId);
    if (!booking) return 'unknown';
  }
  const verdict = verdictOf(hold.ref, slot._id, booking);
  if (verdict !== 'stale') return verdict;
  // The booking is still at the attempt's version: move it on, so the attempt's own write can no longer land.
  try {
    const after = await runCommand(booking._id, { now, loaded: booking }, (b) => (b.version === parsed.version && verdictOf(hold.ref, slot._id, b) === 'stale' ? touch() : null));
    return verdictOf(hold.ref, slot._id, after) === 'alive' ? 'alive' : 'dead';
  } catch (error) {
    if (error instanceof AppError) return 'unknown';
    throw error;
  }
}

export function checkHolds(now: Date): Promise<Tally<'released' | 'confirmed' | 'unchanged'>> {
  return drain<SlotDoc, 'released' | 'confirmed' | 'unchanged'>({
    name: 'booking checkHolds',
    next: (after, limit) => dueBatch<SlotDoc>('bookingSlots', 'checkAt', now, after, limit),
    each: async (slot) => {
      const alive = new Set<string>();
      const dead = new Set<string>();
      for (const hold of holdsToJudge(slot.holds, now)) {
        const verdict = await judge(slot, hold, now);
        if (verdict === 'alive') alive.add(hold.ref);
        else if (verdict === 'dead') dead.add(hold.ref);
      }
      await slotCommands.run(slot._id, { now, loaded: slot }, (doc) => {
        const next = judged(doc.holds, alive, dead);
        const holds = next ?? doc.holds;
        // Holds not judged yet (too young, or their booking unreadable) bring the slot back later, not in this run.
        let checkAt = checkAtOf(holds);
        if (checkAt && checkAt.getTime() <= now.getTime()) checkAt = new Date(now.getTime() + RETRY_MS);
        if (!next && (checkAt?.getTime() ?? null) === (doc.checkAt?.getTime() ?? null)) return null;
        return { set: { holds, checkAt }, effects: [] };
      });
      return dead.size > 0 ? 'released' : alive.size > 0 ? 'confirmed' : 'unchanged';
    },
    outcomes: ['released', 'confirmed', 'unchanged'],
    label: (slot) => slot._id,
  });
}
