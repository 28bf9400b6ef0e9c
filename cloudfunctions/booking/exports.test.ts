import { bookingFixture, LIU } from './domain/fixtures';
import { bookingFilterText, bookingsExport, slotText, type ExportedBooking } from './exports';

const now = new Date('2026-09-20T10:00:00+08:00');
const row = (b: ExportedBooking) => Object.fromEntries(bookingsExport.columns.map((c) => [c.header, c.value(b, now)]));

describe('bookings ledger rows', () => {
  test('the headers, in order', () => {
    expect(bookingsExport.columns.map((c) => c.header)).toEqual(['预约码', '社区', '服务', '日期时段', '窗口', '方式', '渠道', '延时错时', '状态', '签到时间', '办结时间', '办理人', '取消原因', '评价', '评价意见']);
  });

  test('a booked evening window booking', () => {
    expect(row(bookingFixture('2026-09-16', '18:00'))).toMatchObject({
      预约码: '123456',
      社区: '海岸社区',
      服务: '证明开具',
      日期时段: '2026-09-16 18:00-18:30',
      窗口: '1号窗口（综合受理）',
      方式: '窗口办理',
      渠道: '线上预约',
      延时错时: '是',
      状态: '已预约',
      签到时间: '',
      办结时间: '',
      评价: '',
    });
  });

  test('served at home, checked in and rated; a rating held for review keeps its comment out', () => {
    const served = bookingFixture('2026-09-16', '09:00', {
      status: 'served',
      mode: 'home',
      home: { reason: 'elderly', address: '海岸花园1号楼' },
      channel: 'phone',
      afterHours: false,
      checkedInAt: new Date('2026-09-16T08:55:00+08:00'),
      served: { at: new Date('2026-09-16T09:20:00+08:00'), by: LIU, note: '' },
      rating: { value: 'very_satisfied', comment: '很耐心', at: now, screening: 'pass' },
    });
    expect(row(served)).toMatchObject({ 方式: '上门服务（高龄老人）', 渠道: '电话预约', 延时错时: '否', 状态: '已办结', 签到时间: '2026-09-16 08:55', 办结时间: '2026-09-16 09:20', 办理人: '刘洋', 评价: '非常满意', 评价意见: '很耐心' });
    expect(row({ ...served, rating: { value: 'dissatisfied', comment: '待审', at: now, screening: 'review' } })).toMatchObject({ 评价: '不满意', 评价意见: '' });
  });

  test('cancelled with and without a reason', () => {
    const by = LIU;
    expect(row(bookingFixture(undefined, undefined, { status: 'cancelled', cancelled: { at: now, by, reason: '临时有事' } }))).toMatchObject({ 状态: '已取消', 取消原因: '临时有事' });
    expect(row(bookingFixture(undefined, undefined, { status: 'cancelled', cancelled: { at: now, by, reason: null } }))).toMatchObject({ 取消原因: '未说明' });
  });

  test('slot text and filters in words', () => {
    expect(slotText(bookingFixture('2026-09-19', '09:30').slot)).toBe('2026-09-19 09:30-10:00');
    expect(bookingFilterText({})).toBe('全部');
    expect(bookingFilterText({ status: 'no_show', mode: 'window', channel: 'phone', afterHours: true })).toBe('爽约 · 窗口办理 · 电话预约 · 延时错时');
  });

  test('a grid has no bookings ledger of its own', () => {
    expect(() => bookingsExport.source({ _id: 'g1', level: 'grid' }, {}, { from: now, to: now }, now)).toThrow('社区及以上');
  });
});
