/** Removes rate-limit windows that have ended: the counters only matter while their window is open. */
import { purgeExpiredLimits } from '../../core/limits';
import { database } from '../../core/platform/cloud';

export async function purgeRateLimits(now: Date): Promise<{ removed: number }> {
  return { removed: await purgeExpiredLimits(database(), now) };
}
