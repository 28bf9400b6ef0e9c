/**
 * 志愿服务台账: the service records of a unit's activities held in the range, one row per person and
 * activity, in time order (the `ledger` function pages and writes it). Minutes are the record's own:
 * check-in to check-out inside the activity's window; a person's year and half-year hours, rounded
 * by the community's rule with overlaps counted once, are on their 服务记录 and certificate.
 */
import { ACTIVITY_TYPE_LABELS } from '../../types/volunteer.constants';
import type { VolunteerExportFilters } from '../../types/ledger';
import type { IndexSpec } from '../core/db/collections';
import { cellTime, defineExport, shanghaiIso } from '../ledger/spec';
import { servedInterval } from './domain/hours';
import type { RecordDoc } from './domain/model';

export type ExportedRecord = Pick<RecordDoc, '_id' | 'name' | 'activity' | 'start' | 'checkInAt' | 'checkOutAt' | 'corrected' | 'history'>;

const FIELDS: Record<keyof ExportedRecord, true> = { _id: true, name: true, activity: true, start: true, checkInAt: true, checkOutAt: true, corrected: true, history: true };

/** Records by any unit on their community's path, in activity time. */
export const VOLUNTEER_EXPORT_INDEXES: IndexSpec[] = [{ name: 'path_start_id', keys: { communityPath: 1, start: 1, _id: 1 } }];

export function volunteerFilterText(f: VolunteerExportFilters): string {
  const parts = [f.type ? ACTIVITY_TYPE_LABELS[f.type] : null, f.corrected === undefined ? null : f.corrected ? '经更正' : '未更正'].filter(Boolean);
  return parts.length ? parts.join(' · ') : '全部';
}

/** Minutes served inside the window; '' while check-in or check-out is missing. */
export function servedMinutes(r: ExportedRecord): number | '' {
  const interval = servedInterval(r.checkInAt, r.checkOutAt, r.activity.start, r.activity.end);
  if (!r.checkInAt || !r.checkOutAt) return '';
  return interval ? Math.round((interval.to - interval.from) / 60_000) : 0;
}

/** Each correction: when, by whom and why (kept in the record's history). */
export function correctionText(r: ExportedRecord): string {
  return r.history
    .filter((h) => h.kind === 'correct')
    .map((h) => `${cellTime(h.at)} ${h.by.name}：${h.reason ?? ''}`)
    .join('\n');
}

export const volunteerHoursExport = defineExport<VolunteerExportFilters, ExportedRecord>({
  kind: 'volunteerHours',
  sheetName: '志愿服务台账',
  columns: [
    { header: '姓名', width: 10, value: (r) => r.name },
    { header: '活动', width: 24, value: (r) => r.activity.title },
    { header: '类型', width: 8, value: (r) => ACTIVITY_TYPE_LABELS[r.activity.type] },
    { header: '服务队', width: 18, value: (r) => r.activity.teamName },
    { header: '社区', width: 14, value: (r) => r.activity.communityName },
    { header: '活动时间', width: 24, value: (r) => `${cellTime(r.activity.start)}-${shanghaiIso(r.activity.end).slice(11, 16)}` },
    { header: '签到', width: 17, value: (r) => cellTime(r.checkInAt) },
    { header: '签退', width: 17, value: (r) => cellTime(r.checkOutAt) },
    { header: '服务时长（分钟）', width: 10, value: servedMinutes },
    { header: '更正记录', width: 36, value: correctionText },
  ],
  source: (unit, f, { from, to }) => {
    const where: Record<string, unknown> = { communityPath: unit._id };
    if (f.type) where['activity.type'] = f.type;
    if (f.corrected !== undefined) where.corrected = f.corrected;
    return { collection: 'volunteerRecords', where, orderField: 'start', from, to, fields: FIELDS };
  },
  filterText: volunteerFilterText,
});
