/**
 * Who is behind in a community, street or district: 报到单位 without an activity this month and 双报到
 * members without a service this half-year (Asia/Shanghai), with per-community and scope totals.
 * Counts come from the database; members come a keyset page at a time.
 */
import type { volunteerContract } from '../../../types/volunteer';
import { UNIT_LIMITS, type BehindTotals } from '../../../types/volunteerUnits.constants';
import type { Handler } from '../../core/router';
import { halfLabel, periodsOf } from '../domain/hours';
import { monthLabel, monthOf, monthRange } from '../domain/units';
import { behindRepo } from '../repos/behind';
import { unitsRepo } from '../repos/units';
import { behindScope } from '../app/behind';

export const behind: Handler<typeof volunteerContract.behind> = async (input, { caller, now }) => {
  const scope = await behindScope(caller, input.scopeId);
  const { month } = monthOf(now);
  const { half } = periodsOf(now);
  const { from, until } = monthRange(month);
  const [communities, units, totals, perCommunity, page] = await Promise.all([
    behindRepo.communitiesWithin(scope._id),
    unitsRepo.within(scope._id),
    behindRepo.totals(scope._id, half),
    behindRepo.perCommunity(scope._id, half),
    behindRepo.page(scope._id, half, input.after ?? null, UNIT_LIMITS.behindPageSize + 1),
  ]);
  const active = await unitsRepo.activeBetween(units.map((u) => u._id), from, until);
  const unitsBehind = units.filter((u) => !active.has(u._id));
  const rows = communities.map((c): { id: string; name: string } & BehindTotals => {
    const m = perCommunity.get(c._id) ?? { members: 0, behind: 0 };
    const own = units.filter((u) => u.communityId === c._id);
    return { id: c._id, name: c.name, units: own.length, unitsBehind: own.filter((u) => !active.has(u._id)).length, members: m.members, membersBehind: m.behind };
  });
  const items = page.slice(0, UNIT_LIMITS.behindPageSize);
  const names = new Map(communities.map((c) => [c._id, c.name]));
  return {
    scope: { id: scope._id, name: scope.name, level: scope.level === 'community' ? 'community' : scope.level === 'street' ? 'street' : 'district' },
    month: { key: month, label: monthLabel(month) },
    halfYear: { key: half, label: halfLabel(half) },
    totals: { units: units.length, unitsBehind: unitsBehind.length, members: totals.members, membersBehind: totals.behind },
    communities: rows,
    units: unitsBehind.map((u) => ({ id: u._id, name: u.name, communityName: u.communityName, contact: u.contact, phone: u.phone })),
    members: {
      items: items.map((d) => ({
        openid: d._id,
        name: d.name,
        unit: d.unit,
        communityNames: (d.communityIds ?? []).flatMap((id) => (names.has(id) ? [names.get(id) as string] : [])),
        servedHalf: d.servedHalf ?? null,
      })),
      next: page.length > UNIT_LIMITS.behindPageSize ? items[items.length - 1]._id : null,
    },
  };
};
