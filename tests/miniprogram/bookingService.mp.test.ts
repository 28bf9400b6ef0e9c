/**
 * 不打烊's service page in the compiled mini-program (dist/packages/booking/service) against the real
 * local cloud: 王秀英 reads the materials, is told to pick a slot, picks one and books it.
 */
import { openPage, useMiniProgram } from './harness';

const RESIDENT = 'demo-resident';
const mp = useMiniProgram({ openid: RESIDENT });

it('books a slot: the materials first, a missing slot said in words, then one booking as the resident', async () => {
  const page = await openPage('/packages/booking/service/index', { communityId: 'c-haian', serviceId: 'sv-haian-proof' });
  await page.waitForText('材料清单');
  expect(page.text()).toContain('户口簿或居住证');

  await page.tap('确认预约');
  await page.waitForText('请选择预约时段');
  expect(mp.wx.cloudCalls.filter((c) => c.data.action === 'book')).toEqual([]);

  await page.tap(page.getByText(/ · 余\d+$/));
  await page.tap('确认预约');
  const redirect = await page.waitFor(() => mp.wx.navigation.find((n) => n.method === 'redirectTo'), 'the redirect to the booking');
  const id = decodeURIComponent(redirect.url!.split('id=')[1]);
  expect(redirect.url).toBe(`/packages/booking/booking/index?id=${encodeURIComponent(id)}`);
  expect(mp.wx.cloudCalls.filter((c) => c.data.action === 'book').map((c) => [c.openid, c.ok])).toEqual([[RESIDENT, true]]);
  expect((await mp.ok('booking', 'detail', { id })).status).toBe('booked');
  expect(mp.wx.renderWarnings).toEqual([]);
});
