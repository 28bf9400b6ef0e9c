import { createHash } from 'node:crypto';
import { formatShanghai } from '../../core/time/workingTime';

/**
 * The appeal id is a function of who files and the form's request id: a retried filing lands on
 * the same `_id`, which the database refuses twice. The number (受理编号) is the Shanghai day and six
 * hex digits; it must be unique (a unique index), so there are several candidates, tried in order,
 * all from the same hash, so a retry walks the same list.
 */
export function appealIds(openid: string, requestId: string, now: Date): { id: string; numbers: string[] } {
  const hash = createHash('sha256').update(`${openid}:${requestId.toLowerCase()}`).digest('hex');
  const day = formatShanghai(now, 'YYYYMMDD');
  const numbers = [24, 30, 36, 42, 48, 54].map((at) => `YT${day}-${hash.slice(at, at + 6).toUpperCase()}`);
  return { id: `ap${hash.slice(0, 24)}`, numbers };
}
