/** Applies effects a crashed or failed action left on its appeal (idempotent, like the action's own flush). */
import { flushEffects as flush } from '../app/effects';
import { appealsRepo } from '../repos/appeals';

/** Effects younger than this are probably being applied by their action right now. */
const GRACE_MS = 30_000;

export async function flushEffects(now: Date): Promise<{ flushed: number; failed: number }> {
  const pending = await appealsRepo.withPendingEffects(new Date(now.getTime() - GRACE_MS), 200);
  let flushed = 0;
  let failed = 0;
  for (const appeal of pending) {
    if (await flush(appeal, now)) flushed += 1;
    else failed += 1;
  }
  return { flushed, failed };
}
