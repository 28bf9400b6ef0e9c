import { bookingFixture, LIU } from './fixtures';
import { countsOf, metricsOf, ratesOf, ratingsOf } from './metrics';

describe('dashboard numbers', () => {
  it('each booking counts once in each figure it belongs to', () => {
    const b = bookingFixture();
    expect(metricsOf(b)).toMatchObject({ counted: 1, afterHours: 1, cancelled: 0, served: 0 });
    expect(metricsOf({ ...b, status: 'cancelled' })).toMatchObject({ counted: 1, cancelled: 1, afterHours: 0 });
    expect(metricsOf({ ...b, status: 'rejected' }).counted).toBe(0);
    const served = { ...b, status: 'served' as const, served: { at: new Date(b.createdAt.getTime() + 90 * 60_000), by: LIU, note: '好' } };
    expect(metricsOf(served)).toMatchObject({ served: 1, waitMinutes: 90 });
  });

  it('rates from sums; an empty denominator is null', () => {
    const sums = { counted: 10, cancelled: 2, served: 6, noShow: 2, afterHours: 4, waitMinutes: 600, rated: 4, r_very_satisfied: 2, r_satisfied: 1, r_dissatisfied: 1, complaints: 1, answeredOnTime: 1, answered: 1 };
    const counts = countsOf(sums);
    expect(ratesOf(counts, ratingsOf(sums))).toEqual({ noShow: 0.25, afterHoursShare: 0.5, averageWaitMinutes: 100, satisfaction: 0.75, answeredOnTime: 1 });
    expect(ratesOf(countsOf({}), ratingsOf({}))).toEqual({ noShow: null, afterHoursShare: null, averageWaitMinutes: null, satisfaction: null, answeredOnTime: null });
  });
});
