/**
 * The dashboard of a grid / community / street / district over a date range: sums of the counter
 * documents (domain/stats.ts) of the unit and of its children, never a scan of the appeals.
 */
import {
  APPEAL_CATEGORIES,
  APPEAL_CATEGORY_KEYS,
  APPEAL_STATUSES,
  type AppealCategory,
  type AppealStatus,
  type appealsContract,
  type StatCounts,
} from '../../../types/appeals';
import { ORG_LEVEL_LABELS } from '../../../types/org';
import { invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { unitInReach } from '../../core/auth/reach';
import { rates } from '../domain/rates';
import { COUNT_FIELDS, emptyCounts } from '../domain/stats';
import { toBulletinItem } from '../domain/views';
import { shanghaiDay } from '../../core/time/workingTime';
import { bulletinRepo } from '../repos/bulletin';
import { statsRepo, type StatSums } from '../repos/stats';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

function addInto(counts: StatCounts, sums: StatSums): void {
  for (const f of COUNT_FIELDS) counts[f] += Number(sums[f] ?? 0);
}

export const dashboard: Handler<typeof appealsContract.dashboard> = async (input, { caller, now }) => {
  const unit = await unitInReach(caller, input.unitId);
  const to = input.to ?? shanghaiDay(now);
  const from = input.from ?? shanghaiDay(new Date(Date.parse(`${to}T12:00:00+08:00`) - 29 * DAY_MS));
  if (from > to) throw invalid('from', '开始日期不能晚于结束日期');
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) throw invalid('from', `统计区间不能超过${MAX_DAYS}天`);

  const [own, childDocs, children, bulletin] = await Promise.all([
    statsRepo.byCategory(unit._id, from, to),
    unit.level === 'grid' ? Promise.resolve([]) : statsRepo.byChild(unit._id, from, to),
    unit.level === 'grid' ? Promise.resolve([]) : orgRepo.children(unit._id),
    bulletinRepo.ofUnit(unit.level, unit._id, { page: 1, pageSize: 10 }),
  ]);

  const totals = emptyCounts();
  const byCategory = new Map<AppealCategory, StatCounts>();
  const byStatus = Object.fromEntries(APPEAL_STATUSES.map((s) => [s, 0])) as Record<AppealStatus, number>;
  for (const sums of own) {
    addInto(totals, sums);
    const c = emptyCounts();
    addInto(c, sums);
    byCategory.set(sums._id as AppealCategory, c);
    for (const s of APPEAL_STATUSES) byStatus[s] += Number(sums[`status_${s}`] ?? 0);
  }
  const perChild = new Map<string, StatCounts>();
  for (const sums of childDocs) {
    const c = emptyCounts();
    addInto(c, sums);
    perChild.set(sums._id, c);
  }

  return {
    unit: { id: unit._id, name: unit.name, level: unit.level, levelLabel: ORG_LEVEL_LABELS[unit.level] },
    from,
    to,
    totals,
    rates: rates(totals),
    byStatus,
    byCategory: APPEAL_CATEGORY_KEYS.filter((k) => byCategory.has(k)).map((k) => {
      const counts = byCategory.get(k)!;
      return { category: k, label: APPEAL_CATEGORIES[k].label, counts, rates: rates(counts) };
    }),
    children: children.map((child) => {
      const counts = perChild.get(child._id) ?? emptyCounts();
      return { id: child._id, name: child.name, counts, rates: rates(counts) };
    }),
    bulletin: bulletin.items.map(toBulletinItem),
  };
};
