/**
 * The dashboard's rates, over the cohort of appeals FILED in the chosen date range and unit.
 * Every rate is a fraction in [0, 1] rounded to 4 places, or null when its denominator is 0.
 *
 * - 响应率 response           = responded ÷ received: share of the cohort a staff member has claimed
 *                                (first response), whenever it happened.
 * - 及时响应率 onTimeResponse  = respondedOnTime ÷ responded: first claims made by the response
 *                                deadline set at filing (working time).
 * - 解决率 resolution          = resolved ÷ received: share of the cohort resolved (办结) at least once.
 * - 按期办结率 onTimeResolution = resolvedOnTime ÷ resolved: first resolutions made by the resolution
 *                                deadline set at filing (working time), escalations notwithstanding.
 * - 满意率 satisfaction        = (satisfied + basicallySatisfied) ÷ rated, counting each appeal's
 *                                latest rating once (a 不满意 later followed by 满意 counts as 满意).
 *                                Appeals closed without a rating are not in the denominator.
 */
import type { Rates, StatCounts } from '../../../types/appeals';

export function ratio(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

export function rates(c: StatCounts): Rates {
  return {
    response: ratio(c.responded, c.received),
    resolution: ratio(c.resolved, c.received),
    satisfaction: ratio(c.satisfied + c.basicallySatisfied, c.rated),
    onTimeResolution: ratio(c.resolvedOnTime, c.resolved),
    onTimeResponse: ratio(c.respondedOnTime, c.responded),
  };
}
