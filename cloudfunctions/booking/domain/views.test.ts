import { bookingFixture } from './fixtures';
import type { StaffActor } from './policy';
import { assertCanView, may } from './policy';
import { toView } from './views';

const resident: StaffActor = { openid: 'demo-resident', name: '王秀英', roles: ['resident'], jurisdiction: null, propertyCompanyId: null, desk: [], admin: [] };
const liu: StaffActor = { openid: 'demo-community-staff', name: '刘洋', roles: ['community_staff'], jurisdiction: { level: 'community', unitIds: ['c-haian'] }, propertyCompanyId: null, desk: ['c-haian'], admin: ['c-haian'] };
const zhang: StaffActor = { openid: 'demo-grid-worker', name: '张丽', roles: ['grid_worker'], jurisdiction: { level: 'grid', unitIds: ['g-haian-1'] }, propertyCompanyId: null, desk: ['c-haian'], admin: [] };
const street: StaffActor = { openid: 'demo-street', name: '陈志强', roles: ['street_commander'], jurisdiction: { level: 'street', unitIds: ['s-xiangyang'] }, propertyCompanyId: null, desk: [], admin: [] };
const other: StaffActor = { ...liu, openid: 'cs-other', jurisdiction: { level: 'community', unitIds: ['c-shengli'] }, desk: ['c-shengli'], admin: ['c-shengli'] };

const b = bookingFixture('2026-09-30', '18:00');
const now = new Date('2026-09-30T09:00:00Z'); // 17:00: after the cut-off, before the start

describe('who sees and does what', () => {
  it('the owner, the community’s desk and the levels above see it; another community does not', () => {
    for (const actor of [resident, liu, zhang, street]) expect(() => assertCanView(actor, b)).not.toThrow();
    expect(() => assertCanView(other, b)).toThrow('您无权查看该预约');
    expect(() => assertCanView({ ...resident, openid: 'someone-else' }, b)).toThrow();
  });

  it('rights by role: the desk checks in and serves, community staff approve and answer, only the owner rates', () => {
    expect([may('checkIn', zhang, b), may('approve', zhang, b), may('answer', liu, b), may('rate', liu, b), may('rate', resident, b), may('checkIn', street, b)]).toEqual([true, false, true, false, true, false]);
    // A staff member whose role lapsed loses the desk at once.
    expect(may('checkIn', { ...zhang, roles: ['resident'] }, b)).toBe(false);
    // Staff move phone bookings only; residents their own.
    expect(may('reschedule', liu, b)).toBe(false);
    expect(may('reschedule', liu, { ...b, channel: 'phone' })).toBe(true);
  });

  it('what the page may offer now; the phone is masked for the street', () => {
    expect(toView(b, resident, now, '2026-09-30').can).toMatchObject({ cancel: false, reschedule: false, rate: false });
    expect(toView(b, liu, now, '2026-09-30').can).toMatchObject({ cancel: true, checkIn: true, serve: true, noShow: false });
    expect(toView(b, street, now, '2026-09-30').resident.phone).toBe('139****1234');
    expect(toView(b, zhang, now, '2026-09-30').resident.phone).toBe('13905351234');
    expect(toView(b, resident, now, '2026-09-30')).toMatchObject({ slot: { label: '18:00–18:30', kindLabel: '延时', afterHours: true }, isOwner: true });
  });
});
