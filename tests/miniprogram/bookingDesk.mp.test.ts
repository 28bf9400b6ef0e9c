/**
 * 今日预约 in the compiled mini-program (dist/packages/admin/booking-day): on the day, 刘洋 at the front
 * desk scans 王秀英's booking QR with the phone's camera and she is checked in; a building's code is
 * refused in words.
 */
import { randomUUID } from 'node:crypto';
import { bookingScanText } from '../../types/booking.constants';
import { arriveToday } from '../support/arrive';
import { openPage, useMiniProgram } from './harness';

const RESIDENT = 'demo-resident';
const DESK = 'demo-community-staff';
const mp = useMiniProgram({ openid: DESK });

// A booking, the day's arrival, a page and two scans: room for a busy machine.

it('checks a resident in by scanning her booking’s QR', async () => {
  const { days } = await mp.ok('booking', 'slots', { communityId: 'c-haian', serviceId: 'sv-haian-residence' }, RESIDENT);
  const slot = days.flatMap((d) => d.slots).find((s) => s.left > 0)!;
  const booking = await mp.ok('booking', 'book', { requestId: randomUUID(), communityId: 'c-haian', serviceId: 'sv-haian-residence', slotId: slot.id, mode: 'window' }, RESIDENT);
  await arriveToday(mp.db, booking.id);

  const page = await openPage('/packages/admin/booking-day/index');
  await page.waitForText('扫码签到');

  mp.wx.scanResult = { result: 'https://jiayuan.example/pages/scan/index?code=370602B0001' };
  await page.tap('扫码签到');
  await page.waitForText('这不是预约码');
  expect(mp.wx.cloudCalls.filter((c) => c.data.action === 'checkIn')).toEqual([]);

  mp.wx.scanResult = { result: bookingScanText(booking.code) };
  await page.tap('扫码签到');
  await page.waitFor(() => mp.wx.cloudCalls.find((c) => c.data.action === 'checkIn' && c.ok), 'the check-in call');
  expect(mp.wx.scans).toBe(2);
  expect((await mp.ok('booking', 'detail', { id: booking.id })).status).toBe('checked_in');
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);
