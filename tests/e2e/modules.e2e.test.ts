/**
 * The modules' entries as people meet them in the browser: 首页 tiles, 我的 rows for a resident and
 * for staff, the workbench's tiles, and the dashboard they lead to (its range in Shanghai days).
 */
import { screenshot, signInAs, useBrowserStack } from './browser';

jest.setTimeout(60_000);
const openPage = useBrowserStack();

/** Today in Shanghai, as the dashboard's range must end. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

it('a resident finds every module on 首页 and in 我的', async () => {
  const { page, base } = await openPage();
  await signInAs(page, base, '王秀英', '/#/pages/scan/index?code=370602B0001');
  await page.getByTestId('go-home').click();
  await page.getByTestId('building-name').waitFor();
  for (const key of ['appeal', 'appeals', 'booking', 'volunteer', 'council', 'mine']) await page.getByTestId(`entry-${key}`).waitFor();
  await screenshot(page, 'modules-01-home');

  await page.getByTestId('entry-mine').click();
  await page.getByTestId('mine-entries').waitFor();
  expect(await page.getByTestId('mine-admin').count()).toBe(0);
  expect(await page.getByTestId('mine-entries').textContent()).toMatch(/我的诉求.*我的预约.*志愿服务.*家园议事/);
  await screenshot(page, 'modules-02-mine-resident');
});

it('community staff reach the workbench from 我的, and its dashboard in Shanghai days', async () => {
  const { page, base } = await openPage();
  await signInAs(page, base, '刘洋', '/#/pages/mine/index');
  await page.getByTestId('mine-admin').click();
  await page.getByTestId('work-entries').waitFor();
  for (const key of ['inbox', 'dashboard', 'rules', 'calendar']) await page.getByTestId(`entry-${key}`).waitFor();
  await page.getByTestId('unit-list').waitFor();
  await screenshot(page, 'modules-03-workbench');

  await page.getByTestId('entry-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  expect(await page.getByTestId('range-text').textContent()).toMatch(new RegExp(`至 ${shanghaiToday()}$`));
  await screenshot(page, 'modules-04-dashboard');
});
