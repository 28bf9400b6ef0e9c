/**
 * 诉求台账: the appeals ledger's columns and query (the `ledger` function pages and writes it).
 * Rows are the unit's appeals filed in the range, with the inbox's filters, in filing order.
 */
import {
  APPEAL_CATEGORIES,
  APPEAL_STATUS_LABELS,
  OPEN_STATUSES,
  RATING_LABELS,
  TIMELINE_LABELS,
  type TimelineKind,
} from '../../types/appeals.constants';
import type { AppealExportFilters } from '../../types/ledger';
import type { IndexSpec } from '../core/db/collections';
import { LEVEL } from '../core/auth/jurisdiction';
import { database } from '../core/platform/cloud';
import { cellTime, defineExport, shanghaiIso } from '../ledger/spec';
import type { AppealDoc } from './domain/model';

/** What a row reads: everything but the effects and the followers. */
export type ExportedAppeal = Pick<
  AppealDoc,
  | '_id'
  | 'no'
  | 'category'
  | 'description'
  | 'place'
  | 'status'
  | 'holder'
  | 'handler'
  | 'firstResponder'
  | 'deadlines'
  | 'dueAt'
  | 'filedAt'
  | 'firstResolvedAt'
  | 'resolvedAt'
  | 'escalationCount'
  | 'rating'
  | 'timeline'
>;

const FIELDS: Record<keyof ExportedAppeal, true> = {
  _id: true,
  no: true,
  category: true,
  description: true,
  place: true,
  status: true,
  holder: true,
  handler: true,
  firstResponder: true,
  deadlines: true,
  dueAt: true,
  filedAt: true,
  firstResolvedAt: true,
  resolvedAt: true,
  escalationCount: true,
  rating: true,
  timeline: true,
};

/** One range per unit level: each keyset page is one index range, whatever the collection's size. */
export const APPEAL_EXPORT_INDEXES: IndexSpec[] = (['grid', 'community', 'street', 'district'] as const).map((level) => ({
  name: `${level}_filed_id`,
  keys: { [`place.${LEVEL[level].id}`]: 1, filedAt: 1, _id: 1 },
}));

const when = cellTime;
const shortWhen = (at: Date | string): string => {
  const iso = shanghaiIso(at);
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
};

/** Steps staff and residents see, not the 附议 and 即将超期 noise. */
const SUMMARY_KINDS = new Set<TimelineKind>(['filed', 'routed', 'claimed', 'replied', 'transferred', 'pressed', 'escalated', 'resolved', 'rated', 'reopened', 'closed']);
export const SUMMARY_MAX = 1000;

/** 处理过程摘要: one line per step, 「12-01 09:30 签收（王网格）：已联系物业」. */
export function timelineSummary(timeline: ExportedAppeal['timeline'] = []): string {
  const lines = timeline
    .filter((e) => SUMMARY_KINDS.has(e.kind))
    .map((e) => {
      const who = e.actor.kind === 'system' ? '' : `（${e.actor.name}）`;
      const text = e.text ? `：${Array.from(e.text.replace(/\s+/g, ' ').trim()).slice(0, 30).join('')}` : '';
      return `${shortWhen(e.at)} ${TIMELINE_LABELS[e.kind]}${who}${text}`;
    });
  const all = lines.join('\n');
  return all.length <= SUMMARY_MAX ? all : `${all.slice(0, SUMMARY_MAX - 1)}…`;
}

/** 是否超时 at export time: open past its clock, or resolved after its 办结时限. */
export function overdueText(a: Pick<ExportedAppeal, 'status' | 'dueAt' | 'deadlines' | 'firstResolvedAt'>, now: Date): string {
  if (OPEN_STATUSES.includes(a.status)) return a.dueAt && new Date(a.dueAt) < now ? '已超时' : '否';
  const resolvedAt = a.firstResolvedAt ? new Date(a.firstResolvedAt) : null;
  return resolvedAt && resolvedAt > new Date(a.deadlines.resolveBy) ? '超期办结' : '否';
}

/** 时限: the clock running now, or the 办结时限 once resolved. */
function deadlineText(a: ExportedAppeal): string {
  if (a.status === 'pending') return `响应 ${when(a.deadlines.respondBy)}`;
  return `办结 ${when(a.deadlines.resolveBy)}`;
}

export function appealFilterText(f: AppealExportFilters): string {
  const parts = [
    f.status ? APPEAL_STATUS_LABELS[f.status] : null,
    f.category ? APPEAL_CATEGORIES[f.category].label : null,
    f.overdue ? '已超时' : null,
    f.dueSoon ? '即将超期' : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '全部';
}

export const appealsExport = defineExport<AppealExportFilters, ExportedAppeal>({
  kind: 'appeals',
  sheetName: '诉求台账',
  columns: [
    { header: '编号', width: 20, value: (a) => a.no },
    { header: '类别', width: 10, value: (a) => APPEAL_CATEGORIES[a.category]?.label ?? a.category },
    { header: '社区', width: 14, value: (a) => a.place.communityName },
    { header: '网格', width: 14, value: (a) => a.place.gridName },
    { header: '地点', width: 28, value: (a) => [a.place.buildingName, a.place.address].filter(Boolean).join(' ') },
    { header: '问题描述', width: 40, value: (a) => a.description },
    { header: '提交时间', width: 17, value: (a) => when(a.filedAt) },
    { header: '状态', width: 12, value: (a) => APPEAL_STATUS_LABELS[a.status] },
    { header: '当前办理单位', width: 18, value: (a) => (OPEN_STATUSES.includes(a.status) ? a.holder.name : '') },
    { header: '当前办理人', width: 10, value: (a) => a.handler?.name ?? '' },
    { header: '首问负责人', width: 10, value: (a) => a.firstResponder?.name ?? '' },
    { header: '时限', width: 22, value: deadlineText },
    { header: '是否超时', width: 10, value: (a, now) => overdueText(a, now) },
    { header: '办结时间', width: 17, value: (a) => when(a.firstResolvedAt ?? a.resolvedAt) },
    { header: '升级次数', width: 9, value: (a) => a.escalationCount ?? 0 },
    { header: '处理过程摘要', width: 60, value: (a) => timelineSummary(a.timeline) },
    { header: '评价', width: 10, value: (a) => (a.rating ? RATING_LABELS[a.rating.value] : '') },
    { header: '评价意见', width: 30, value: (a) => a.rating?.comment ?? '' },
  ],
  source: (unit, f, { from, to }, now) => {
    const _ = database().command;
    const where: Record<string, unknown> = { [`place.${LEVEL[unit.level].id}`]: unit._id };
    if (f.status) where.status = f.status;
    if (f.category) where.category = f.category;
    if (f.overdue || f.dueSoon) {
      // as the inbox: open, and past the active clock (超时) or warned but not yet past it (即将超期)
      if (!f.status) where.status = _.in(OPEN_STATUSES);
      where.dueAt = f.overdue ? _.lt(now) : _.gte(now);
      if (f.dueSoon) where.warnAt = _.lte(now);
    }
    return { collection: 'appeals', where, orderField: 'filedAt', from, to, fields: FIELDS };
  },
  filterText: appealFilterText,
});
