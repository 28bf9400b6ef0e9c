/**
 * 议事台账: the council ledger's columns and query (the `ledger` function pages and writes it). Rows
 * are the unit's matters raised in the range, oldest first: what was raised, how far it went, the
 * vote's turnout and result, and the work done since.
 */
import { MATTER_SCOPE_LABELS, MATTER_STAGE_LABELS, VOTE_RULE_LABELS } from '../../types/council.constants';
import type { CouncilExportFilters } from '../../types/ledger';
import type { OrgLevel } from '../../types/org.constants';
import type { IndexSpec } from '../core/db/collections';
import { cellTime, defineExport } from '../ledger/spec';
import type { MatterDoc } from './domain/model';

export type ExportedMatter = Pick<
  MatterDoc,
  '_id' | 'title' | 'communityName' | 'scope' | 'raisedFrom' | 'byStaff' | 'createdAt' | 'stage' | 'cosigns' | 'threshold' | 'ballot' | 'result' | 'progress' | 'meetings'
>;

const FIELDS: Record<keyof ExportedMatter, true> = {
  _id: true,
  title: true,
  communityName: true,
  scope: true,
  raisedFrom: true,
  byStaff: true,
  createdAt: true,
  stage: true,
  cosigns: true,
  threshold: true,
  ballot: true,
  result: true,
  progress: true,
  meetings: true,
};

const UNIT_FIELD: Record<OrgLevel, 'gridId' | 'communityId' | 'streetId' | 'districtId'> = { grid: 'gridId', community: 'communityId', street: 'streetId', district: 'districtId' };

/** One range per unit level, as the appeals ledger's (a grid's matters are its buildings'). */
export const COUNCIL_EXPORT_INDEXES: IndexSpec[] = Object.entries(UNIT_FIELD).map(([level, field]) => ({ name: `${level}_created_id`, keys: { [field]: 1, createdAt: 1, _id: 1 } }));

export function councilFilterText(f: CouncilExportFilters): string {
  const parts = [f.stage ? MATTER_STAGE_LABELS[f.stage] : null, f.scope ? MATTER_SCOPE_LABELS[f.scope] : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : '全部';
}

/** 「12/18 户」 of the roll, or '' before a vote. */
export function turnoutText(m: ExportedMatter): string {
  if (m.result) return `${m.result.votedHouseholds}/${m.result.eligibleHouseholds} 户`;
  return m.ballot ? `表决中（应参与 ${m.ballot.rollHouseholds} 户）` : '';
}

/** 「第 2 步 / 共 3 步：更换路灯（张伟，2026-03-20 前）」: how many steps, and the latest. */
export function progressText(m: ExportedMatter): string {
  const steps = m.progress ?? [];
  const last = steps[steps.length - 1];
  if (!last) return '';
  const who = [last.owner, last.dueDay ? `${last.dueDay} 前` : null].filter(Boolean).join('，');
  return `共 ${steps.length} 条，最新 ${cellTime(last.at)}：${last.note}${who ? `（${who}）` : ''}`;
}

export const councilMattersExport = defineExport<CouncilExportFilters, ExportedMatter>({
  kind: 'councilMatters',
  sheetName: '议事台账',
  columns: [
    { header: '编号', width: 14, value: (m) => m._id },
    { header: '议题', width: 28, value: (m) => m.title },
    { header: '社区', width: 14, value: (m) => m.communityName },
    { header: '范围', width: 18, value: (m) => `${MATTER_SCOPE_LABELS[m.scope.kind]}：${m.scope.name}` },
    { header: '提出', width: 14, value: (m) => (m.byStaff ? '社区提出' : `居民（${m.raisedFrom}）`) },
    { header: '提出时间', width: 17, value: (m) => cellTime(m.createdAt) },
    { header: '阶段', width: 10, value: (m) => MATTER_STAGE_LABELS[m.stage] },
    { header: '附议', width: 10, value: (m) => `${m.cosigns}/${m.threshold} 户` },
    { header: '议事会议', width: 8, value: (m) => m.meetings?.length ?? 0 },
    { header: '表决规则', width: 22, value: (m) => (m.ballot ? `${VOTE_RULE_LABELS[m.ballot.rule]}${m.ballot.major ? '（重大事项）' : ''}` : '') },
    { header: '表决截止', width: 17, value: (m) => cellTime(m.ballot?.closesAt) },
    { header: '参与户数', width: 22, value: turnoutText },
    { header: '表决结果', width: 30, value: (m) => (m.result ? `${m.result.outcome === 'passed' ? '通过' : '未通过'}：${m.result.summary}` : '') },
    { header: '办理进展', width: 40, value: progressText },
  ],
  source: (unit, f, { from, to }) => {
    const where: Record<string, unknown> = { [UNIT_FIELD[unit.level]]: unit._id };
    if (f.stage) where.stage = f.stage;
    if (f.scope) where['scope.kind'] = f.scope;
    return { collection: 'councilMatters', where, orderField: 'createdAt', from, to, fields: FIELDS };
  },
  filterText: councilFilterText,
});
