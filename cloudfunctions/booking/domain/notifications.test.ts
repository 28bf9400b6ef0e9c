import { dutyNotices, noticesFor } from './notifications';
import { bookingFixture, LIU, settingsFixture, ZHANG } from './fixtures';

const now = new Date('2026-09-27T02:00:00Z');
const none = { admins: [], street: [] };

describe('booking messages', () => {
  it('confirms a booking with its code and a link to it; a phone booking gets nothing', () => {
    const b = bookingFixture();
    const [m] = noticesFor({ kind: 'created', by: { openid: 'demo-resident', name: '王秀英' } }, b, none, now);
    expect(m).toMatchObject({ toOpenid: 'demo-resident', template: 'bookingConfirmed', page: 'packages/booking/booking/index?id=bk1' });
    expect(m.data).toMatchObject({ thing1: '证明开具', character_string4: '123456', time2: '2026年09月16日 18:00', thing3: '海岸社区1号窗口（综合受理）' });
    const phone = bookingFixture('2026-09-16', '18:00', { owner: { kind: 'phone', name: '赵大爷', phone: '13800000000' } });
    expect(noticesFor({ kind: 'created', by: LIU }, phone, none, now)).toEqual([]);
  });

  it('a booking that needs approval tells the resident and asks the community staff', () => {
    const b = bookingFixture('2026-09-16', '18:00', { status: 'pending_approval' });
    const out = noticesFor({ kind: 'created', by: null }, b, { admins: [LIU], street: [] }, now);
    expect(out.map((m) => [m.toOpenid, m.template])).toEqual([
      ['demo-resident', 'bookingChanged'],
      ['demo-community-staff', 'staffBookingApproval'],
    ]);
    expect(out[1].page).toBe('packages/admin/booking-day/index?communityId=c-haian&day=2026-09-16');
  });
});

describe('duty messages', () => {
  it('the new person hears of the duty and the bookings waiting; the relieved one hears who took over', () => {
    const session = settingsFixture().sessions[2];
    const out = dutyNotices({ communityId: 'c-haian', communityName: '海岸社区', session, day: '2026-09-30', start: new Date('2026-09-30T10:00:00Z'), weekly: false, bookings: 3, from: LIU, to: ZHANG });
    expect(out.map((m) => m.toOpenid)).toEqual(['demo-grid-worker', 'demo-community-staff']);
    expect(out[0].data).toMatchObject({ thing1: '工作日晚间（延时）', number4: '3', thing5: '接替刘洋值班，已有预约不变' });
    expect(out[1].data.thing5).toBe('已改由张丽值班');
  });
});
