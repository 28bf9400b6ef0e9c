import type { LimitName } from '../../../types/contract';
import { AppError } from '../errors';
import { database, type Database } from '../platform/cloud';
import { LIMITS, limitWindows } from './config';
import { consumeLimit, limitMessage } from './limiter';

export { LIMITS, limitWindows } from './config';
export { consumeLimit, purgeExpiredLimits, RATE_LIMITS_COLLECTION } from './limiter';

/** Counts the call against the caller's limit; throws `RATE_LIMITED` (with when to retry) over it. */
export async function enforceLimit(limit: LimitName, openid: string, now: Date, db: Database = database()): Promise<void> {
  const windows = limitWindows(limit);
  if (windows.length === 0) return;
  const decision = await consumeLimit(db, limit, openid, windows, now);
  if (!decision.ok) throw new AppError('RATE_LIMITED', limitMessage(LIMITS[limit].label, decision.retryAt, now));
}
