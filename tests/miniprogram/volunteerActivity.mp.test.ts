/**
 * A volunteer activity in the compiled mini-program (dist/packages/volunteer/activity): 王秀英 signs up;
 * when the seats are gone she joins the waiting list (in order) and takes the seat someone gives
 * back; on the day she checks in by scanning the activity's code, and only inside its window.
 */
import { randomUUID } from 'node:crypto';
import { volunteerScanText } from '../../types/volunteer.constants';
import { underwayNow } from '../support/volunteerTime';
import { attr, openPage, useMiniProgram, type PageHandle } from './harness';

const RESIDENT = 'demo-resident';
const STAFF = 'demo-community-staff';
const mp = useMiniProgram({ openid: RESIDENT });

interface Roster {
  seated: Array<{ openid: string }>;
  waiting: Array<{ openid: string }>;
}

const roster = async (id: string) => {
  const [doc] = (await mp.db.collection('volunteerActivities').doc(id).get()).data as Roster[];
  return { seated: doc.seated.map((e) => e.openid), waiting: doc.waiting.map((e) => e.openid) };
};

const signUpDirectly = (id: string, openid: string) => mp.ok('volunteer', 'signUp', { id, requestId: randomUUID(), confirmRequirements: true }, openid);

const calls = (action: string) => mp.wx.cloudCalls.filter((c) => c.data.action === action);

async function open(id: string): Promise<PageHandle> {
  const page = await openPage('/packages/volunteer/activity/index', { id });
  await page.waitForText('我的报名');
  return page;
}

it('signs up for an activity with seats left: her seat is on the roster', async () => {
  const page = await open('va-haian-3');
  expect(page.text()).toContain('便民维修进楼院');
  expect(page.text()).toContain('0/10人');
  expect(page.text()).toContain('未报名');

  await page.tap('报名参加');
  await page.waitForText('1/10人');
  expect(page.text()).toContain('已报名');
  expect(page.queryByText('报名参加')).toBeNull();
  expect(page.getByText('取消报名')).toBeTruthy();
  expect(calls('signUp')).toHaveLength(1);
  expect(await roster('va-haian-3')).toEqual({ seated: [RESIDENT], waiting: [] });
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);

it('when the seats are gone, she joins the waiting list and is promoted when a seat is given back', async () => {
  // 邻里矛盾调解接待日: three seats, for adult party members.
  for (const openid of ['demo-volunteer', 'demo-resident-2', 'demo-grid-worker']) await signUpDirectly('va-haian-4', openid);
  await signUpDirectly('va-haian-4', 'demo-grid-worker-2');

  const page = await open('va-haian-4');
  expect(page.text()).toContain('3/3人，候补1人');
  expect(page.text()).toContain('需党员、年满18岁');

  // Unconfirmed requirements: said under the box, nothing written.
  await page.tap('名额已满，加入候补');
  await page.waitForText('请确认您符合报名条件');
  expect(await roster('va-haian-4')).toEqual({ seated: ['demo-volunteer', 'demo-resident-2', 'demo-grid-worker'], waiting: ['demo-grid-worker-2'] });

  await page.tap(page.getByText(/^我符合报名条件/));
  await page.tap('名额已满，加入候补');
  await page.waitForText('候补第2位');
  expect(page.text()).toContain('3/3人，候补2人');
  expect(page.text()).toContain('有人取消报名时，候补按顺序自动转为正式报名');
  expect(page.getByText('退出候补')).toBeTruthy();
  expect(await roster('va-haian-4')).toEqual({ seated: ['demo-volunteer', 'demo-resident-2', 'demo-grid-worker'], waiting: ['demo-grid-worker-2', RESIDENT] });
  page.close();

  // Two seats given back: the waiting list moves up in order, she is seated.
  await mp.ok('volunteer', 'cancelSignUp', { id: 'va-haian-4' }, 'demo-resident-2');
  await mp.ok('volunteer', 'cancelSignUp', { id: 'va-haian-4' }, 'demo-grid-worker');
  const again = await open('va-haian-4');
  expect(again.text()).toContain('3/3人');
  expect(again.text()).toContain('已报名');
  expect(again.queryByText(/候补第/)).toBeNull();
  expect(again.getByText('取消报名')).toBeTruthy();
  expect(await roster('va-haian-4')).toEqual({ seated: ['demo-volunteer', 'demo-grid-worker-2', RESIDENT], waiting: [] });
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);

it('checks in by scanning the activity’s code, only inside its window', async () => {
  const id = 'va-haian-5';
  await signUpDirectly(id, RESIDENT);
  const { activity } = await mp.ok('volunteer', 'roster', { id }, STAFF);
  const other = await mp.ok('volunteer', 'roster', { id: 'va-haian-1' }, STAFF);

  // Days ahead: no check-in yet, the window is said.
  const early = await open(id);
  await early.waitForText('签到时间：');
  expect(early.queryByText('现场签到')).toBeNull();
  early.close();

  await underwayNow(mp.db, id, { startedMinutesAgo: 10, endsInMinutes: 60 });
  const page = await open(id);
  await page.waitForText('现场签到');

  // Another activity's code is refused on the phone: nothing sent.
  mp.wx.scanResult = { result: volunteerScanText('va-haian-1', other.activity.code!) };
  await page.tap('扫码');
  await page.waitForText('这不是本活动的签到码');
  expect(calls('checkIn')).toEqual([]);

  // The camera closed: nothing happens.
  mp.wx.scanResult = null;
  await page.tap('扫码');

  mp.wx.scanResult = { result: volunteerScanText(id, activity.code!) };
  await page.tap('扫码');
  // The one field on the page: 签到码.
  await page.waitFor(() => attr(page.root.querySelector('wx-input')!, 'value') === activity.code, 'the scanned code in the field');
  await page.tap('签到');
  await page.waitForText('现场签退');
  expect(mp.wx.scans).toBe(3);
  expect(calls('checkIn')).toHaveLength(1);
  expect(calls('checkIn')[0].data.input).toEqual({ id, code: activity.code });

  const [record] = (await mp.db.collection('volunteerRecords').doc(`${id}_${RESIDENT}`).get()).data as Array<{ checkInAt: Date | null; checkOutAt: Date | null }>;
  expect(record.checkInAt).not.toBeNull();
  expect(record.checkOutAt).toBeNull();
  expect(page.text()).toMatch(/签到 ?\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);
