import type { Page } from 'playwright-core';
import { png } from '../support/png';
import { screenshot, signInAs, useBrowserStack } from './browser';

const openPage = useBrowserStack();

async function rates(page: Page) {
  await page.getByTestId('dashboard').waitFor();
  const read = async (key: string) => (await page.getByTestId(`rate-${key}`).textContent())?.trim();
  return { response: await read('response'), resolution: await read('resolution'), satisfaction: await read('satisfaction') };
}

it('resident files with a photo → grid worker claims and resolves → resident rates → the dashboard changes', async () => {
  const { page, base } = await openPage();

  await signInAs(page, base, '张丽', '/#/packages/admin/dashboard/index');
  const before = await rates(page);
  await screenshot(page, 'appeal-01-dashboard-before');

  // The resident scans the building's code and files an appeal with a photo.
  await signInAs(page, base, '王秀英', '/#/pages/scan/index?code=370602B0001');
  await page.getByTestId('file-appeal').click();
  await page.getByTestId('category-sanitation').click();
  await page.locator('textarea').first().fill('2单元楼道堆满了旧家具和纸箱，影响通行，也有火灾隐患。');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('photos-add').click();
  await (await chooser).setFiles({ name: 'hallway.png', mimeType: 'image/png', buffer: png() });
  await page.locator('.photo-picker img').first().waitFor();
  await screenshot(page, 'appeal-02-filing');
  await page.getByTestId('submit').click();
  await page.getByTestId('timeline').waitFor();
  expect(await page.getByTestId('appeal-status').getAttribute('data-status')).toBe('pending');
  expect(await page.getByTestId('appeal-description').textContent()).toContain('旧家具');
  await page.locator('.photo-row img').first().waitFor();
  // Filed "now": the time shown is Shanghai's, on the day in the appeal's number (YTyyyymmdd-…),
  // though the browser's clock is in another zone.
  const filed = (await page.getByText(/^编号 YT/).textContent()) ?? '';
  const [, y, m, d] = /YT(\d{4})(\d{2})(\d{2})/.exec(filed) ?? [];
  expect(filed).toMatch(new RegExp(` · ${y}-${m}-${d} \\d{2}:\\d{2}$`));
  await screenshot(page, 'appeal-03-filed');

  // The grid worker of that building finds it in her inbox, claims it and resolves it.
  await signInAs(page, base, '张丽', '/#/packages/admin/inbox/index');
  await page.getByTestId('inbox-item').first().click();
  await page.getByTestId('action-claim').click();
  await page.locator('[data-testid="appeal-status"][data-status="processing"]').waitFor();
  await page.getByTestId('action-resolve').click();
  // Sent empty: the form says what is missing under the field, and keeps the form open.
  await page.getByTestId('submit-resolve').click();
  expect(await page.getByTestId('field-resolve-text-error').textContent()).toBe('请填写办理结果');
  expect(await page.getByTestId('field-resolve-text').getAttribute('aria-label')).toBe('办理结果：请填写办理结果');
  await screenshot(page, 'appeal-04-resolve-form');
  await page.locator('textarea[placeholder="写明怎么解决的，居民会看到"]').fill('已联系住户清走楼道杂物，并张贴了消防通道提示。');
  await page.getByTestId('submit-resolve').click();
  await page.locator('[data-testid="appeal-status"][data-status="resolved"]').waitFor();
  await screenshot(page, 'appeal-05-resolved-by-worker');

  // The resident sees the result and rates it.
  await signInAs(page, base, '王秀英', '/#/pages/appeals/index');
  await page.getByTestId('my-appeal').first().click();
  await page.getByTestId('rate-form').waitFor();
  expect(await page.getByTestId('resolution').textContent()).toContain('已联系住户清走楼道杂物');
  await page.getByTestId('rating-satisfied').click();
  await page.getByTestId('submit-rating').click();
  await page.getByTestId('rating').waitFor();
  expect(await page.getByTestId('rating').textContent()).toContain('满意');
  await screenshot(page, 'appeal-06-rated');

  // The grid's dashboard now counts it.
  await signInAs(page, base, '张丽', '/#/packages/admin/dashboard/index');
  const after = await rates(page);
  await screenshot(page, 'appeal-07-dashboard-after');
  expect(after).toEqual({ response: '100.0%', resolution: '100.0%', satisfaction: '100.0%' });
  expect(after).not.toEqual(before);
}, 120_000);
