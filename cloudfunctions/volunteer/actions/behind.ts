/**
 * Who is behind in a community, street or district: 报到单位 without an activity this month and 双报到
 * members without a service this half-year (Asia/Shanghai), with per-community and scope totals.
 * Counts come from the index; members come a keyset page at a time. Rows: a street's communities, a district's streets.
 */
import type { volunteerContract } from '../../../types/volunteer';
import { UNIT_LIMITS, type BehindTotals } from '../../../types/volunteerUnits.constants';
import type { Handler } from '../../core/router';
import { halfLabel, periodsOf } from '../domain/hours';
import { monthLabel, monthOf, monthRange } from '../domain/units';
import { behindRepo } from '../repos/behind';
import { unitsRepo } from '../repos/units';
import { orgRepo } from '../../core/repos/org';
import { behindScope } from '../app/behind';

export const behind: Handler<typeof volunteerContract.behind> = async (input, { caller, now }) => {
  const scope = await behindScope(caller, input.scopeId);
  const { month } = monthOf(now);
  const { half } = periodsOf(now);
  const { from, until } = monthRange(month);
  // Rows: the scope's own community, a street's communities, a district's streets.
  const [rowUnits, units, totals, page] = await Promise.all([
    scope.level === 'community' ? Promise.resolve([scope]) : orgRepo.children(scope._id),
    unitsRepo.within(scope._id),
    behindRepo.totals(scope, half),
    behindRepo.page(scope, half, input.after ?? null, UNIT_LIMITS.behindPageSize + 1),
  ]);
  const [active, rowTotals] = await Promise.all([unitsRepo.activeBetween(units.map((u) => u._id), from, until), Promise.all(rowUnits.map((r) => behindRepo.totals(r, half)))]);
  const unitsBehind = units.filter((u) => !active.has(u._id));
  const rows = rowUnits.map((r, i): { id: string; name: string } & BehindTotals => {
    const own = units.filter((u) => u.communityPath.includes(r._id));
    return { id: r._id, name: r.name, units: own.length, unitsBehind: own.filter((u) => !active.has(u._id)).length, members: rowTotals[i].members, membersBehind: rowTotals[i].behind };
  });
  const items = page.slice(0, UNIT_LIMITS.behindPageSize);
  return {
    scope: { id: scope._id, name: scope.name, level: scope.level === 'community' ? 'community' : scope.level === 'street' ? 'street' : 'district' },
    month: { key: month, label: monthLabel(month) },
    halfYear: { key: half, label: halfLabel(half) },
    totals: { units: units.length, unitsBehind: unitsBehind.length, members: totals.members, membersBehind: totals.behind },
    communities: rows,
    units: unitsBehind.map((u) => ({ id: u._id, name: u.name, communityName: u.communityName, contact: u.contact, phone: u.phone })),
    members: {
      items: items.map((d) => ({ openid: d._id, name: d.name, unit: d.unit, communityName: d.countedInName ?? '', servedHalf: d.servedHalf ?? null })),
      next: page.length > UNIT_LIMITS.behindPageSize ? items[items.length - 1]._id : null,
    },
  };
};
