/** Test data for the pure rules: a community's settings and a booking, built from plain values. */
import { DEFAULT_BOOKING_RULES } from '../../../types/booking.constants';
import { metricsOf } from './metrics';
import { activeKeyOf, blankSettings, holdRef, quotaKeyOf, slotDocId, type BookingDoc, type SettingsDoc } from './model';
import { instantOf } from './schedule';

export const LIU = { openid: 'demo-community-staff', name: '刘洋' };
export const ZHANG = { openid: 'demo-grid-worker', name: '张丽' };

/** 海岸社区: two windows, office hours, weekday evenings 18:00–20:00 (延时) and Saturday mornings (错时). */
export function settingsFixture(patch: Partial<SettingsDoc> = {}): SettingsDoc {
  return {
    ...blankSettings('c-haian'),
    windows: [
      { id: 'w1', name: '1号窗口（综合受理）' },
      { id: 'w2', name: '2号窗口（社保民政）' },
    ],
    sessions: [
      { id: 'am', name: '上午', kind: 'regular', days: 'workday', weekdays: [], start: '09:00', end: '12:00', windowIds: ['w1', 'w2'] },
      { id: 'pm', name: '下午', kind: 'regular', days: 'workday', weekdays: [], start: '13:00', end: '18:00', windowIds: ['w1', 'w2'] },
      { id: 'evening', name: '工作日晚间', kind: 'extended', days: 'workday', weekdays: [1, 2, 3, 4, 5], start: '18:00', end: '20:00', windowIds: ['w1'] },
      { id: 'saturday', name: '周六上午', kind: 'staggered', days: 'restday', weekdays: [6], start: '09:00', end: '12:00', windowIds: ['w1'] },
    ],
    services: [
      { id: 'sv-proof', name: '证明开具', description: null, materials: ['身份证原件', '户口簿'], minutes: 15, windowIds: ['w1'], homeVisit: false, active: true },
      { id: 'sv-social', name: '社保认证', description: null, materials: ['身份证原件'], minutes: 30, windowIds: ['w2'], homeVisit: true, active: true },
    ],
    rules: { ...DEFAULT_BOOKING_RULES },
    roster: {
      pattern: [1, 2, 3, 4, 5].map((weekday) => ({ sessionId: 'evening', weekday, staff: LIU })).concat([{ sessionId: 'saturday', weekday: 6, staff: LIU }]),
      days: [],
    },
    ...patch,
  };
}

/** A booked visit of 证明开具 on `day` at `time` (Asia/Shanghai) by 王秀英. */
export function bookingFixture(day = '2026-09-16', time = '18:00', patch: Partial<BookingDoc> = {}): BookingDoc {
  const start = instantOf(day, time);
  const owner = { kind: 'wechat' as const, openid: 'demo-resident', name: '王秀英', phone: '13905351234' };
  const slotId = `${day.replace(/-/g, '')}-${time.replace(':', '')}`;
  const base: BookingDoc = {
    _id: 'bk1',
    requestId: 'r1',
    status: 'booked',
    owner,
    ownerKey: owner.openid,
    channel: 'online',
    takenBy: null,
    communityId: 'c-haian',
    communityName: '海岸社区',
    communityPhone: '0535-6601101',
    streetId: 's-xiangyang',
    districtId: 'd-370602',
    service: { id: 'sv-proof', name: '证明开具', minutes: 15, materials: ['身份证原件', '户口簿'] },
    mode: 'window',
    home: null,
    note: null,
    slot: { slotId, day, start, end: new Date(start.getTime() + 30 * 60_000), sessionId: 'evening', sessionKind: 'extended', windowId: 'w1', windowName: '1号窗口（综合受理）' },
    afterHours: true,
    slotDocId: slotDocId('c-haian', slotId),
    holdRef: holdRef('bk1', 0),
    code: '123456',
    activeKey: activeKeyOf(owner.openid, 'sv-proof', day),
    quotaKey: quotaKeyOf(owner.openid, 0),
    needsApproval: false,
    changeUntil: new Date(start.getTime() - 120 * 60_000),
    createdAt: new Date(start.getTime() - 2 * 86_400_000),
    checkedInAt: null,
    served: null,
    noShowAt: null,
    cancelled: null,
    remindAt: null,
    remindStage: null,
    rating: null,
    complaint: null,
    complaintDueAt: null,
    complaintState: null,
    log: [],
    m: metricsOf({ status: 'booked', afterHours: true, createdAt: start, served: null, rating: null, complaint: null }),
    version: 1,
    effects: [],
    effectsPending: false,
    ...patch,
  };
  return base;
}
