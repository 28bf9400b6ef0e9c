import { createHash } from 'node:crypto';
import { formatShanghai } from '../../core/time/workingTime';

/**
 * The appeal id is a function of who files and the form's request id: a retried filing lands on
 * the same `_id`, which the database refuses twice.
 */
export function appealIds(openid: string, requestId: string, now: Date): { id: string; no: string } {
  const hash = createHash('sha256').update(`${openid}:${requestId.toLowerCase()}`).digest('hex');
  return { id: `ap${hash.slice(0, 24)}`, no: `YT${formatShanghai(now, 'YYYYMMDD')}-${hash.slice(24, 30).toUpperCase()}` };
}
