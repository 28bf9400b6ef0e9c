/**
 * Fixed-window rate limits kept in the `rateLimits` collection, so that they hold across function
 * instances: one document per caller, limit, window length and window start, under a deterministic
 * `_id`. A call is admitted by a conditional increment (`count < max` → `count + 1`), which the
 * database applies atomically to the one document; the first call of a window inserts the document,
 * and a racer that loses the insert (duplicate `_id`) falls back to the conditional increment.
 */
import type { LimitName } from '../../../types/contract';
import { isDuplicate } from '../db/errors';
import type { Database } from '../platform/cloud';
import type { LimitWindow } from './config';

export const RATE_LIMITS_COLLECTION = 'rateLimits';

export interface RateLimitDoc {
  _id: string;
  openid: string;
  limit: LimitName;
  windowSec: number;
  start: Date;
  count: number;
  /** The window's end: from then on the document is garbage (see `purgeExpiredLimits`). */
  expiresAt: Date;
}

export type LimitDecision = { ok: true } | { ok: false; window: LimitWindow; retryAt: Date };

/** Windows align to Asia/Shanghai (UTC+8, no DST): a day window starts at midnight there. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function windowStart(now: Date, windowSec: number): Date {
  const size = windowSec * 1000;
  return new Date(Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / size) * size - SHANGHAI_OFFSET_MS);
}

export function bucketId(limit: LimitName, openid: string, windowSec: number, start: Date): string {
  return `${limit}:${windowSec}:${start.getTime()}:${openid}`;
}

interface Bucket {
  id: string;
  window: LimitWindow;
  start: Date;
}

/** One more call in the bucket if it is below `max`; false when the bucket is full. */
async function take(db: Database, bucket: Bucket, doc: () => RateLimitDoc): Promise<boolean> {
  const coll = db.collection(RATE_LIMITS_COLLECTION);
  const _ = db.command;
  const increment = async () => {
    const res = (await coll.where({ _id: bucket.id, count: _.lt(bucket.window.max) }).update({ count: _.inc(1) })) as { updated?: number };
    return (res.updated ?? 0) > 0;
  };
  if (await increment()) return true;
  try {
    // Nothing was incremented: either the bucket is full or it does not exist yet.
    await coll.add(doc());
    return true;
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
  // It exists (a racer inserted it, or it was there and full): the conditional increment decides.
  return increment();
}

/**
 * Counts one call of `openid` against every window of `limit`. When a window is full the call is
 * refused and the windows already counted for it are given back.
 */
export async function consumeLimit(
  db: Database,
  limit: LimitName,
  openid: string,
  windows: readonly LimitWindow[],
  now: Date,
): Promise<LimitDecision> {
  const taken: Bucket[] = [];
  for (const window of windows) {
    const start = windowStart(now, window.windowSec);
    const bucket: Bucket = { id: bucketId(limit, openid, window.windowSec, start), window, start };
    const expiresAt = new Date(start.getTime() + window.windowSec * 1000);
    const admitted =
      window.max > 0 &&
      (await take(db, bucket, () => ({ _id: bucket.id, openid, limit, windowSec: window.windowSec, start, count: 1, expiresAt })));
    if (!admitted) {
      await Promise.all(taken.map((t) => db.collection(RATE_LIMITS_COLLECTION).doc(t.id).update({ count: db.command.inc(-1) })));
      return { ok: false, window, retryAt: expiresAt };
    }
    taken.push(bucket);
  }
  return { ok: true };
}

/** Removes windows that ended before `now` (for a periodic job); returns how many. */
export async function purgeExpiredLimits(db: Database, now: Date): Promise<number> {
  const res = (await db.collection(RATE_LIMITS_COLLECTION).where({ expiresAt: db.command.lt(now) }).remove()) as { deleted?: number };
  return res.deleted ?? 0;
}

/** Shanghai wall-clock parts of a date. */
function shanghai(d: Date) {
  const s = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return { month: s.getUTCMonth() + 1, day: s.getUTCDate(), hh: String(s.getUTCHours()).padStart(2, '0'), mm: String(s.getUTCMinutes()).padStart(2, '0') };
}

/** 「提交诉求太频繁了，请于 15:00 后再试」 */
export function limitMessage(label: string, retryAt: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  if (seconds <= 60) return `${label}太频繁了，请${seconds}秒后再试`;
  const at = shanghai(retryAt);
  const today = shanghai(now);
  const when = at.month === today.month && at.day === today.day ? `${at.hh}:${at.mm}` : `${at.month}月${at.day}日 ${at.hh}:${at.mm}`;
  return `${label}太频繁了，请于${when}后再试`;
}
