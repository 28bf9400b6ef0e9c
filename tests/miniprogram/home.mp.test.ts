/**
 * The home page of the compiled mini-program (dist/pages/home/index): the remembered building, the
 * building-code form, the scan button and the entry tiles.
 */
import { HOME_ENTRIES } from '../../src/pages/home/entries';
import { attr, openPage, useMiniProgram } from './harness';

const PLACE_KEY = 'jy.currentPlace';
/** Bound to 海岸花园 1号楼 (b-0001, code 370602B0001). */
const RESIDENT = 'demo-resident';
const HOUSEHOLD_CODE = '370602B0001';
/** A WeChat user the cloud has never seen: no profile, no household. */
const NEWCOMER = 'o_newcomer_home';
const CODE_PLACEHOLDER = /输入楼栋码/;

const mp = useMiniProgram({ openid: RESIDENT });

it('with no building scanned and no household, asks to scan or type the building code', async () => {
  mp.wx.openid = NEWCOMER;
  const page = await openPage('/pages/home/index');
  await page.waitForText('还没有绑定楼栋');
  expect(page.text()).toContain('有呼必应一码通');
  expect(page.queryByText('我的楼栋')).toBeNull();
  // The home page asks the cloud only who the user is, and every node it renders has a WXML template.
  expect(mp.wx.cloudCalls).toEqual([{ name: 'users', data: { action: 'me', input: {} }, openid: NEWCOMER, ok: true }]);
  expect(mp.wx.renderWarnings).toEqual([]);
});

it('with no building scanned, shows the bound household’s building and remembers it for filing', async () => {
  const page = await openPage('/pages/home/index');
  await page.waitForText('我的楼栋');
  expect(page.getByText('海岸花园 1号楼')).toBeTruthy();
  expect(page.queryByText('还没有绑定楼栋')).toBeNull();
  expect(mp.wx.cloudCalls.map((call) => `${call.name}.${call.data.action}`)).toEqual(['users.me', 'org.resolveCode']);
  const place = await page.waitFor(() => mp.wx.storage.get(PLACE_KEY), 'the place in storage');
  expect(place).toEqual(await mp.ok('org', 'resolveCode', { code: HOUSEHOLD_CODE }));
  expect(mp.wx.renderWarnings).toEqual([]);
});

it('shows the building the resident scanned before, without asking the cloud', async () => {
  // What the QR landing page keeps: the cloud's answer for the code, asked as the same resident.
  mp.wx.storage.set(PLACE_KEY, await mp.ok('org', 'resolveCode', { code: '370602B0001' }));

  const page = await openPage('/pages/home/index');
  await page.waitForText('我的楼栋');
  expect(page.getByText('海岸花园 1号楼')).toBeTruthy();
  expect(page.getByText('海岸社区第一网格（网格员 张丽）')).toBeTruthy();
  expect(page.queryByText('还没有绑定楼栋')).toBeNull();
  expect(mp.wx.cloudCalls).toEqual([]);
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
