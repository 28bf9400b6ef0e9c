/**
 * 预约台账: the bookings ledger's columns and query (the `ledger` function pages and writes it).
 * Rows are the unit's bookings for days in the range, in time order. Bookings keep no grid: the
 * ledger of a grid is its community's (the ledger function asks for the community).
 */
import {
  BOOKING_CHANNEL_LABELS,
  BOOKING_MODE_LABELS,
  BOOKING_RATING_LABELS,
  BOOKING_STATUS_LABELS,
  HOME_REASON_LABELS,
} from '../../types/booking.constants';
import type { BookingExportFilters } from '../../types/ledger';
import type { OrgLevel } from '../../types/org.constants';
import type { IndexSpec } from '../core/db/collections';
import { invalid } from '../core/errors';
import { database } from '../core/platform/cloud';
import { cellTime, defineExport, shanghaiIso } from '../ledger/spec';
import type { BookingDoc } from './domain/model';

export type ExportedBooking = Pick<
  BookingDoc,
  '_id' | 'code' | 'status' | 'communityName' | 'service' | 'mode' | 'home' | 'channel' | 'slot' | 'afterHours' | 'checkedInAt' | 'served' | 'noShowAt' | 'cancelled' | 'rating'
>;

const FIELDS: Record<keyof ExportedBooking, true> = {
  _id: true,
  code: true,
  status: true,
  communityName: true,
  service: true,
  mode: true,
  home: true,
  channel: true,
  slot: true,
  afterHours: true,
  checkedInAt: true,
  served: true,
  noShowAt: true,
  cancelled: true,
  rating: true,
};

const UNIT_FIELD: Record<Exclude<OrgLevel, 'grid'>, 'communityId' | 'streetId' | 'districtId'> = { community: 'communityId', street: 'streetId', district: 'districtId' };

/** One range per unit level, as the appeals ledger's. */
export const BOOKING_EXPORT_INDEXES: IndexSpec[] = Object.entries(UNIT_FIELD).map(([level, field]) => ({ name: `${level}_start_id`, keys: { [field]: 1, 'slot.start': 1, _id: 1 } }));

const clock = (at: Date | string) => shanghaiIso(at).slice(11, 16);

/** 日期时段: 「2026-03-10 09:00-09:30」. */
export const slotText = (slot: ExportedBooking['slot']): string => `${slot.day} ${clock(slot.start)}-${clock(slot.end)}`;

export function bookingFilterText(f: BookingExportFilters): string {
  const parts = [
    f.status ? BOOKING_STATUS_LABELS[f.status] : null,
    f.mode ? BOOKING_MODE_LABELS[f.mode] : null,
    f.channel ? BOOKING_CHANNEL_LABELS[f.channel] : null,
    f.afterHours === undefined ? null : f.afterHours ? '延时错时' : '工作时间',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '全部';
}

export const bookingsExport = defineExport<BookingExportFilters, ExportedBooking>({
  kind: 'bookings',
  sheetName: '预约台账',
  columns: [
    { header: '预约码', width: 10, value: (b) => b.code },
    { header: '社区', width: 14, value: (b) => b.communityName },
    { header: '服务', width: 20, value: (b) => b.service.name },
    { header: '日期时段', width: 24, value: (b) => slotText(b.slot) },
    { header: '窗口', width: 12, value: (b) => b.slot.windowName },
    { header: '方式', width: 16, value: (b) => (b.mode === 'home' && b.home ? `${BOOKING_MODE_LABELS.home}（${HOME_REASON_LABELS[b.home.reason]}）` : BOOKING_MODE_LABELS[b.mode]) },
    { header: '渠道', width: 10, value: (b) => BOOKING_CHANNEL_LABELS[b.channel] },
    { header: '延时错时', width: 9, value: (b) => (b.afterHours ? '是' : '否') },
    { header: '状态', width: 10, value: (b) => (b.status === 'void' ? '' : BOOKING_STATUS_LABELS[b.status]) },
    { header: '签到时间', width: 17, value: (b) => cellTime(b.checkedInAt) },
    { header: '办结时间', width: 17, value: (b) => cellTime(b.served?.at) },
    { header: '办理人', width: 10, value: (b) => b.served?.by.name ?? '' },
    { header: '取消原因', width: 20, value: (b) => (b.cancelled ? (b.cancelled.reason ?? '未说明') : '') },
    { header: '评价', width: 10, value: (b) => (b.rating ? BOOKING_RATING_LABELS[b.rating.value] : '') },
    { header: '评价意见', width: 30, value: (b) => (b.rating && b.rating.screening !== 'review' ? (b.rating.comment ?? '') : '') },
  ],
  source: (unit, f, { from, to }) => {
    if (unit.level === 'grid') throw invalid('unitId', '预约台账请选择社区及以上单位');
    const _ = database().command;
    const where: Record<string, unknown> = { [UNIT_FIELD[unit.level]]: unit._id, status: f.status ?? _.neq('void') };
    if (f.mode) where.mode = f.mode;
    if (f.channel) where.channel = f.channel;
    if (f.afterHours !== undefined) where.afterHours = f.afterHours;
    return { collection: 'bookings', where, orderField: 'slot.start', from, to, fields: FIELDS };
  },
  filterText: bookingFilterText,
});
