/** Delivery retry policy. Pure. */

/** Minutes to wait after the n-th failed attempt (1-based). */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
/** How long a claimed message stays reserved for the dispatcher that claimed it. */
export const LEASE_MS = 2 * 60_000;

export type SendResult = { ok: true } | { ok: false; permanent: boolean; error: string };

export type Disposition =
  | { status: 'sent' }
  | { status: 'pending'; nextAttemptAt: Date; error: string }
  | { status: 'dead'; error: string };

/** What becomes of a message after an attempt (`attempts` counts the one just made). */
export function afterAttempt(result: SendResult, attempts: number, now: Date): Disposition {
  if (result.ok) return { status: 'sent' };
  if (result.permanent || attempts >= MAX_ATTEMPTS) return { status: 'dead', error: result.error };
  const wait = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1];
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + wait * 60_000), error: result.error };
}

/**
 * WeChat errcodes that no retry can fix: bad openid, bad template, user refused or never
 * subscribed, bad parameters, bad page.
 */
export const PERMANENT_WX_ERRCODES = new Set([40003, 40037, 43101, 47003, 41030]);
