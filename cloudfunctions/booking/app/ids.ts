import { createHash } from 'node:crypto';

/**
 * A booking's id is a function of who books (the resident, or the staff member taking a phone
 * booking) and the form's request id: a retried request lands on the same `_id`, which the database
 * refuses twice. The booking code (预约码, six digits, unique per community by an index) has
 * several candidates from the same hash, tried in order, so a retry walks the same list.
 */
export function bookingIds(openid: string, requestId: string): { id: string; codes: string[] } {
  const hash = createHash('sha256').update(`booking:${openid}:${requestId.toLowerCase()}`).digest('hex');
  const codes = Array.from({ length: 8 }, (_, i) => String(parseInt(hash.slice(24 + i * 5, 29 + i * 5), 16) % 1_000_000).padStart(6, '0'));
  return { id: `bk${hash.slice(0, 24)}`, codes };
}
