/**
 * The QR landing page of the compiled mini-program (dist/pages/scan/index), launched the ways WeChat
 * opens it, resolving the code against the real local cloud as the resident who scanned.
 */
import { openPage, useMiniProgram } from './harness';

const PLACE_KEY = 'jy.currentPlace';
const RESIDENT = 'demo-resident';

/**
 * While set, the phone's calls wait for it before they reach the cloud (the page stays in its
 * loading state); a rejected one fails them on the phone's side, as a lost network does.
 */
let hold: Promise<void> | null = null;

const mp = useMiniProgram({
  openid: RESIDENT,
  through: (invoke) => async (name, event, identity) => {
    await hold;
    return invoke(name, event, identity);
  },
});

/** What the cloud says about a code when asked directly (the page must show and keep exactly this). */
const resolveDirectly = (code: string) => mp.ok('org', 'resolveCode', { code });

it('launched from the building QR code (scene), shows the building, its grid and community, and remembers it', async () => {
  const page = await openPage('/pages/scan/index', { scene: encodeURIComponent('c=370602B0001') });

  await page.waitForText('海岸花园 1号楼');
  expect(page.text()).toContain('您好，这里是');
  expect(page.getByText('海岸社区第一网格（网格员 张丽）')).toBeTruthy();
  expect(page.getByText('安居物业服务有限公司')).toBeTruthy();
  expect(page.getByText('海岸社区')).toBeTruthy();
  expect(page.getByText('芝罘区 向阳街道')).toBeTruthy();

  // One call to the org function, decoded from the scene, as the resident who scanned.
  expect(mp.wx.cloudInit).toHaveLength(1);
  expect(mp.wx.cloudCalls).toEqual([
    { name: 'org', data: { action: 'resolveCode', input: { code: '370602B0001' } }, openid: RESIDENT, ok: true },
  ]);

  // The place kept in storage is what the cloud resolves for the code.
  const expected = await resolveDirectly('370602B0001');
  expect(expected.building.code).toBe('370602B0001');
  await page.waitFor(() => mp.wx.storage.get(PLACE_KEY), 'the place in storage');
  expect(mp.wx.storage.get(PLACE_KEY)).toEqual(expected);

  await page.tap('回到首页');
  expect(mp.wx.navigation).toEqual([{ method: 'reLaunch', url: '/pages/home/index' }]);
});

it('shows the loading state while the cloud answers, every node of it drawn', async () => {
  let release = () => undefined as void;
  const letThrough = () => {
    release();
    hold = null;
  };
  hold = new Promise((resolve) => (release = resolve));
  try {
    const page = await openPage('/pages/scan/index?code=370602B0001');
    await page.waitForText('加载中…');
    expect(page.queryByText(/海岸花园/)).toBeNull();
    // A node without a WXML template is not drawn on a phone (the wcc runtime only warns).
    expect(mp.wx.renderWarnings).toEqual([]);

    letThrough();
    await page.waitForText('海岸花园 1号楼');
    expect(page.queryByText('加载中…')).toBeNull();
    expect(mp.wx.renderWarnings).toEqual([]);
  } finally {
    letThrough();
  }
});

it('when the phone cannot reach the cloud, says so and tries again on 重试', async () => {
  hold = Promise.reject(Object.assign(new Error('request:fail timeout'), { code: 'NETWORK' }));
  hold.catch(() => undefined);
  const page = await openPage('/pages/scan/index?code=370602B0001');
  await page.waitForText('网络连接失败');
  expect(mp.wx.storage.has(PLACE_KEY)).toBe(false);

  hold = null;
  await page.tap('重试');
  await page.waitForText('海岸花园 1号楼');
  expect(mp.wx.cloudCalls.map((call) => call.ok)).toEqual([false, true]);
  await page.waitFor(() => mp.wx.storage.get(PLACE_KEY), 'the place in storage');
});

it('launched from a scanned link (q), resolves the code in the URL', async () => {
  const page = await openPage('/pages/scan/index', { q: encodeURIComponent('https://jiayuan.example.cn/b/370602B0001?from=poster') });
  await page.waitForText('海岸花园 1号楼');
  expect(mp.wx.cloudCalls.map((call) => call.data)).toEqual([{ action: 'resolveCode', input: { code: '370602B0001' } }]);
});

it('explains an unknown code, keeps nothing and offers the way back', async () => {
  const page = await openPage('/pages/scan/index?code=370602B9999');

  await page.waitForText('没有找到这个楼栋码');
  expect(page.queryByText(/海岸花园/)).toBeNull();
  expect(mp.wx.cloudCalls).toEqual([
    { name: 'org', data: { action: 'resolveCode', input: { code: '370602B9999' } }, openid: RESIDENT, ok: true },
  ]);
  expect(mp.wx.storage.has(PLACE_KEY)).toBe(false);

  await page.tap('回到首页');
  expect(mp.wx.navigation).toEqual([{ method: 'reLaunch', url: '/pages/home/index' }]);
});

it('says so when the launch carried no code, without calling the cloud', async () => {
  const page = await openPage('/pages/scan/index');
  await page.waitForText('没有识别到楼栋码');
  expect(mp.wx.cloudCalls).toEqual([]);
  expect(mp.wx.storage.has(PLACE_KEY)).toBe(false);
});

