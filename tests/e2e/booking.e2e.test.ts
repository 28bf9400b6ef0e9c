/**
 * 不打烊 in Chromium: 王秀英 books an evening (延时) slot and gets her code → 刘洋 at the front desk
 * checks her in by the code and marks it served → she rates it; 我的预约 lists it. Screenshots in
 * test-results/screenshots/booking-*.png. The browser runs in another zone; days are Shanghai's.
 */
import { adminApp } from '../../scripts/localStack';
import { arriveToday } from '../support/arrive';
import { screenshot, signInAs, useBrowserStack } from './browser';

const openPage = useBrowserStack();

it('resident books an evening slot → staff check in and serve → resident rates', async () => {
  const { page, base } = await openPage();

  await signInAs(page, base, '王秀英', '/#/packages/booking/index');
  await page.getByTestId('service').first().waitFor();
  expect(await page.getByTestId('booking-community').textContent()).toContain('海岸社区');
  await screenshot(page, 'booking-01-services');

  await page.getByTestId('book-sv-haian-senior').click();
  await page.getByTestId('service-card').waitFor();
  expect(await page.getByTestId('service-card').getByTestId('materials').textContent()).toContain('一寸免冠彩色照片');
  // The days are chips, one day's slots at a time: the first evening that can still be booked.
  const evening = page.locator('[data-kind="extended"]:not(.chip--disabled):visible');
  const chips = await page.locator('[data-testid^="slot-day-"]:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? '').filter((id) => /^slot-day-\d{4}-\d{2}-\d{2}$/.test(id)));
  for (const chip of chips) {
    await page.getByTestId(chip).click();
    if ((await evening.count()) > 0) break;
  }
  await evening.first().click();
  await screenshot(page, 'booking-02-slot-chosen');
  await page.getByTestId('submit').click();

  const code = (await page.getByTestId('booking-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
  expect(id).toMatch(/^bk/);
  // The code as a QR image too, for the front desk's scanner.
  expect(await page.locator('[data-testid="booking-qr"]:visible img, img[alt="预约码二维码"]:visible').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('booking-status').textContent()).toBe('已预约');
  expect(await page.getByTestId('booking-time').textContent()).toContain('延时');
  await screenshot(page, 'booking-03-code');

  // Pages stay in the DOM under the one in front: click the visible 我的预约.
  await page.locator('[data-testid="open-mine"]:visible').click();
  await page.getByTestId('my-booking').first().waitFor();
  expect(await page.getByTestId('my-bookings').textContent()).toContain(code);
  await screenshot(page, 'booking-04-mine');

  // The front desk checks in only on the day: the day arrives.
  await arriveToday(adminApp(base).database(), id);

  await signInAs(page, base, '刘洋', '/#/packages/admin/booking-day/index');
  await page.getByTestId('day-summary').waitFor();
  await page.getByTestId('code').locator('input').fill(code);
  await page.getByTestId('code-check-in').click();
  const row = page.locator('[data-testid="day-booking"]', { hasText: code });
  await page.locator('[data-testid="day-booking"][data-status="checked_in"]', { hasText: code }).waitFor();
  await screenshot(page, 'booking-05-checked-in');
  await row.getByTestId('serve').click();
  await row.getByTestId('serve-note').locator('textarea').fill('已办理老年优待证，三个工作日后领取');
  await row.getByTestId('serve-submit').click();
  await page.locator('[data-testid="day-booking"][data-status="served"]', { hasText: code }).waitFor();
  await screenshot(page, 'booking-06-served');

  await signInAs(page, base, '王秀英', '/#/packages/booking/mine/index?scope=past');
  await page.locator('[data-testid="my-booking"]', { hasText: code }).click();
  await page.getByTestId('rate').waitFor();
  expect(await page.getByTestId('booking-served').textContent()).toContain('老年优待证');
  await page.getByTestId('rating-very_satisfied').click();
  await page.getByTestId('rate-submit').click();
  await page.getByTestId('booking-rating').waitFor();
  expect(await page.getByTestId('booking-rating').textContent()).toContain('非常满意');
  await screenshot(page, 'booking-07-rated');
}, 120_000);
