/**
 * A booking in the compiled mini-program (dist/packages/booking/booking): its 预约码 in words and as a
 * QR image the front desk can scan.
 */
import { randomUUID } from 'node:crypto';
import { attr, openPage, useMiniProgram } from './harness';

const mp = useMiniProgram({ openid: 'demo-resident' });

it('shows the booking’s code and its QR image', async () => {
  const { days } = await mp.ok('booking', 'slots', { communityId: 'c-haian', serviceId: 'sv-haian-pension' });
  const slot = days.flatMap((d) => d.slots).find((s) => s.left > 0)!;
  const booking = await mp.ok('booking', 'book', { requestId: randomUUID(), communityId: 'c-haian', serviceId: 'sv-haian-pension', slotId: slot.id, mode: 'window' });

  const page = await openPage('/packages/booking/booking/index', { id: booking.id });
  await page.waitForText('预约码（到窗口出示）');
  expect(page.getByText(booking.code)).toBeTruthy();
  expect(booking.codeQr).toMatch(/^data:image\/png;base64,/);
  const images = Array.from(page.root.querySelectorAll<HTMLElement>('wx-image'));
  expect(images.map((img) => attr(img, 'src'))).toContain(booking.codeQr);
  expect(mp.wx.renderWarnings).toEqual([]);
});
