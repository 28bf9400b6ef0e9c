/**
 * Seats on the slot documents, through the kernel's command runner: a seat is taken or given back
 * by one write of the slot's document conditional on the version read (domain/capacity.ts decides).
 */
import { takeSeat as take, releaseSeat as release, type SeatRequest } from '../domain/capacity';
import { checkAtOf } from '../domain/holds';
import type { Hold } from '../domain/model';
import { slotCommands, slotsRepo } from '../repos/slots';

/** Takes a seat for `ref` (or finds the one it took before); CONFLICT 该时段已约满 when none is left. */
export async function takeSeat(slotDocId: string, req: SeatRequest, now: Date): Promise<Hold> {
  const after = await slotCommands.run(slotDocId, { now }, (doc) => {
    const holds = take(doc.holds, req);
    return holds ? { set: { holds, checkAt: checkAtOf(holds) }, effects: [] } : null;
  });
  const hold = after.holds.find((h) => h.ref === req.ref);
  if (!hold) throw new Error(`seat ${req.ref} missing after it was taken`);
  return hold;
}

/** Gives `ref`'s seat back; nothing when it holds none (released before, or never taken). */
export async function releaseSeat(slotDocId: string, ref: string, now: Date): Promise<void> {
  const loaded = await slotsRepo.get(slotDocId);
  if (!loaded || !loaded.holds.some((h) => h.ref === ref)) return;
  await slotCommands.run(slotDocId, { now, loaded }, (doc) => {
    const holds = release(doc.holds, ref);
    return holds ? { set: { holds, checkAt: checkAtOf(holds) }, effects: [] } : null;
  });
}
