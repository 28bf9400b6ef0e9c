import { screenshot, signInAs, useBrowserStack } from './browser';

const openPage = useBrowserStack();

it('a resident signs in, opens a building QR link, sees the building and goes home', async () => {
  const { page, base } = await openPage();

  // Without a session the app sends the visitor to the demo sign-in.
  await page.goto(`${base}/#/pages/scan/index?code=370602B0001`);
  await page.waitForURL((url) => url.pathname.startsWith('/dev/login'));
  await screenshot(page, 'scan-01-sign-in');

  await signInAs(page, base, '王秀英', '/#/pages/scan/index?code=370602B0001');
  await page.getByTestId('scan-building').waitFor();
  expect(await page.getByTestId('scan-building').textContent()).toBe('海岸花园 1号楼');
  await page.getByText('海岸社区第一网格（网格员 张丽）').waitFor();
  await screenshot(page, 'scan-02-landing');

  await page.getByTestId('go-home').click();
  await page.getByTestId('place-card').waitFor();
  expect(await page.getByTestId('building-name').textContent()).toBe('海岸花园 1号楼');
  await screenshot(page, 'scan-03-home');

  await page.goto(`${base}/#/pages/scan/index?code=370602B9999`);
  await page.getByTestId('error').waitFor();
  expect(await page.getByTestId('error').textContent()).toContain('没有找到这个楼栋码');
  await screenshot(page, 'scan-04-unknown-code');
}, 60_000);
