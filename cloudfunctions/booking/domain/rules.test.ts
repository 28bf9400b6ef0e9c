import { DEFAULT_BOOKING_RULES } from '../../../types/booking.constants';
import { changeUntilOf, checkEligibility, freeQuota, needsApproval, SAME_DAY, tooMany } from './rules';

const active = (id: string, serviceId: string, day: string, n: number) => ({ _id: id, quotaKey: `o1#${n}`, service: { id: serviceId }, slot: { day } });
const rules = { ...DEFAULT_BOOKING_RULES, maxActive: 2 };

describe('eligibility', () => {
  it('one active booking per service and day; another service or day is fine', () => {
    const mine = [active('b1', 'sv-proof', '2026-09-30', 0)];
    expect(() => checkEligibility(mine, 'sv-proof', '2026-09-30', rules)).toThrow(SAME_DAY);
    expect(() => checkEligibility(mine, 'sv-social', '2026-09-30', rules)).not.toThrow();
    expect(() => checkEligibility(mine, 'sv-proof', '2026-10-09', rules)).not.toThrow();
  });

  it('at most maxActive at once; a reschedule does not count the booking it moves', () => {
    const mine = [active('b1', 'sv-proof', '2026-09-30', 0), active('b2', 'sv-social', '2026-10-09', 1)];
    expect(() => checkEligibility(mine, 'sv-other', '2026-10-12', rules)).toThrow(tooMany(2));
    expect(() => checkEligibility(mine, 'sv-proof', '2026-10-12', rules, 'b1')).not.toThrow();
    expect(() => checkEligibility(mine, 'sv-social', '2026-10-09', rules, 'b1')).toThrow(SAME_DAY);
  });

  it('the free quota numbers are what the unique quota keys leave', () => {
    expect(freeQuota([], 'o1', 3)).toEqual([0, 1, 2]);
    expect(freeQuota([{ quotaKey: 'o1#1' }], 'o1', 3)).toEqual([0, 2]);
    expect(freeQuota([{ quotaKey: 'o1#0' }, { quotaKey: 'o1#1' }], 'o1', 2)).toEqual([]);
  });

  it('needs approval from the configured number of no-shows; changes close at the cut-off', () => {
    expect(needsApproval(1, { noShowLimit: 2 })).toBe(false);
    expect(needsApproval(2, { noShowLimit: 2 })).toBe(true);
    expect(changeUntilOf(new Date('2026-09-30T10:00:00Z'), { cutoffMinutes: 120 }).toISOString()).toBe('2026-09-30T08:00:00.000Z');
  });
});
