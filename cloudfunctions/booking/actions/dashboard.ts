/**
 * The dashboard of a community / street / district over a date range (by the day of the visit):
 * the bookings' own metrics (domain/metrics.ts) summed by the database over one index range, in
 * total and per child unit.
 */
import type { bookingContract } from '../../../types/booking';
import { unitInReach } from '../../core/auth/reach';
import { invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { shanghaiDay } from '../../core/time/workingTime';
import { actorOf } from '../app/actor';
import { unitScope } from '../app/unitScope';
import { countsOf, ratesOf, ratingsOf } from '../domain/metrics';
import { addDays } from '../domain/schedule';
import { bookingsRepo } from '../repos/bookings';

const MAX_DAYS = 366;

export const dashboard: Handler<typeof bookingContract.dashboard> = async (input, { caller, now }) => {
  const { unit, field, childField } = await unitScope(await unitInReach(await actorOf(caller), input.unitId));
  const to = input.to ?? shanghaiDay(now);
  const from = input.from ?? addDays(to, -29);
  if (from > to) throw invalid('from', '开始日期不能晚于结束日期');
  if (addDays(from, MAX_DAYS) <= to) throw invalid('from', `统计区间不能超过${MAX_DAYS}天`);

  const [total, perChild, children] = await Promise.all([
    bookingsRepo.sums(field, unit._id, from, to, null),
    childField ? bookingsRepo.sums(field, unit._id, from, to, childField) : Promise.resolve([]),
    childField ? orgRepo.children(unit._id) : Promise.resolve([]),
  ]);
  const sums = total[0] ?? {};
  const totals = countsOf(sums);
  const ratings = ratingsOf(sums);
  return {
    unit: { id: unit._id, name: unit.name, level: unit.level },
    from,
    to,
    totals,
    rates: ratesOf(totals, ratings),
    ratings,
    children: children.map((child) => {
      const row = perChild.find((r) => r._id === child._id) ?? {};
      const counts = countsOf(row);
      return { id: child._id, name: child.name, counts, rates: ratesOf(counts, ratingsOf(row)) };
    }),
  };
};
