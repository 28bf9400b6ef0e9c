/**
 * The home page of the compiled mini-program (dist/pages/home/index): the remembered building, the
 * building-code form, the scan button and the entry tiles.
 */
import { HOME_ENTRIES } from '../../src/pages/home/entries';
import { attr, openPage, useMiniProgram } from './harness';

const PLACE_KEY = 'jy.currentPlace';
const RESIDENT = 'demo-resident';
const CODE_PLACEHOLDER = /输入楼栋码/;

const mp = useMiniProgram({ openid: RESIDENT });

it('without a remembered building, asks the resident to scan or type the building code', async () => {
  const page = await openPage('/pages/home/index');
  await page.waitForText('还没有绑定楼栋');
  expect(page.text()).toContain('有呼必应一码通');
  expect(page.queryByText('我的楼栋')).toBeNull();
  // The home page asks the cloud nothing, and every node it renders has a WXML template.
  expect(mp.wx.cloudCalls).toEqual([]);
  expect(mp.wx.renderWarnings).toEqual([]);
});

it('shows the building the resident scanned before', async () => {
  // What the QR landing page keeps: the cloud's answer for the code, asked as the same resident.
  const result = await mp.call('org', 'resolveCode', { code: '370602B0001' });
  expect(result.ok).toBe(true);
  mp.wx.storage.set(PLACE_KEY, result.data);

  const page = await openPage('/pages/home/index');
  await page.waitForText('我的楼栋');
  expect(page.getByText('海岸花园 1号楼')).toBeTruthy();
  expect(page.getByText('海岸社区第一网格（网格员 张丽）')).toBeTruthy();
  expect(page.queryByText('还没有绑定楼栋')).toBeNull();
});

it.each(HOME_ENTRIES.map((entry) => [entry.label, entry.url]))('the %s tile opens %s', async (label, url) => {
  const page = await openPage('/pages/home/index');
  await page.waitForText(label);
  await page.tap(label);
  await page.waitFor(() => mp.wx.navigation.length > 0, 'a navigation');
  // The fake wx, like WeChat, only navigates to pages declared in dist/app.json.
  expect(mp.wx.navigation).toEqual([{ method: 'navigateTo', url }]);
});

it('opens the QR landing page for a typed building code', async () => {
  const page = await openPage('/pages/home/index');
  await page.waitForText('查看');
  const input = page.getInput(CODE_PLACEHOLDER);

  // Nothing typed: 查看 is disabled and does nothing.
  await page.tap('查看');
  expect(mp.wx.navigation).toEqual([]);

  await page.input(input, ' 370602B0001 ');
  await page.waitFor(() => attr(input, 'value') === ' 370602B0001 ', 'the typed value in the input');
  await page.tap('查看');
  await page.waitFor(() => mp.wx.navigation.length > 0, 'a navigation');
  expect(mp.wx.navigation).toEqual([{ method: 'navigateTo', url: '/pages/scan/index?code=370602B0001' }]);
});

it('opens the QR landing page with the scene of a scanned mini-program code', async () => {
  mp.wx.scanResult = { result: '', scanType: 'WX_CODE', path: 'pages/scan/index?scene=c%3D370602B0001' };
  const page = await openPage('/pages/home/index');
  await page.waitForText('扫一扫楼栋码');
  await page.tap('扫一扫楼栋码');
  await page.waitFor(() => mp.wx.navigation.length > 0, 'a navigation');
  expect(mp.wx.navigation).toEqual([{ method: 'navigateTo', url: '/pages/scan/index?scene=c%3D370602B0001' }]);
});

it('stays on the page when the resident closes the camera', async () => {
  mp.wx.scanResult = null;
  const page = await openPage('/pages/home/index');
  await page.waitForText('扫一扫楼栋码');
  await page.tap('扫一扫楼栋码');
  await page.waitFor(() => mp.wx.scans > 0, 'the camera to open');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(mp.wx.navigation).toEqual([]);
});
