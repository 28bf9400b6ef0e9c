/**
 * 我的服务记录 in the compiled mini-program (dist/packages/volunteer/record): 李建国's hours from his
 * stored check-ins and check-outs by the community's rule, the totals of this year, this half-year and
 * all time (Shanghai), a leader's correction, and the activities he is still to serve at.
 */
import { randomUUID } from 'node:crypto';
import { openPage, useMiniProgram, type PageHandle } from './harness';

const VOLUNTEER = 'demo-volunteer';
const STAFF = 'demo-community-staff';
const mp = useMiniProgram({ openid: VOLUNTEER });

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;

interface Stored {
  _id: string;
  activityId: string;
  activity: { title: string; start: Date; end: Date };
  checkInAt: Date | null;
  checkOutAt: Date | null;
}

const storedRecords = async (): Promise<Stored[]> => (await mp.db.collection('volunteerRecords').where({ openid: VOLUNTEER }).get()).data as Stored[];

/** Minutes inside the activity between the stored check-in and check-out. */
const servedMinutes = (r: Stored) => (Math.min(+new Date(r.checkOutAt!), +new Date(r.activity.end)) - Math.max(+new Date(r.checkInAt!), +new Date(r.activity.start))) / 60_000;

/** The Shanghai year and half-year an instant falls in: '2026', '2026年下半年'. */
function periods(at: Date | number) {
  const local = new Date(+at + 8 * HOUR);
  const year = local.getUTCFullYear();
  return { year: `${year}年`, half: `${year}年${local.getUTCMonth() < 6 ? '上' : '下'}半年` };
}

/** Sums the hours of the records (by `hoursOf`) whose activity fell in the period `now` is in. */
function totals(records: Stored[], hoursOf: (r: Stored) => number) {
  const current = periods(Date.now());
  const sum = (keep: (r: Stored) => boolean) => {
    const kept = records.filter(keep);
    return { hours: Math.round(kept.reduce((s, r) => s + hoursOf(r), 0) * 100) / 100, count: kept.length };
  };
  return {
    year: sum((r) => periods(new Date(r.activity.start)).year === current.year),
    half: sum((r) => periods(new Date(r.activity.start)).half === current.half),
    all: sum(() => true),
    labels: current,
  };
}

async function open(): Promise<PageHandle> {
  const page = await openPage('/packages/volunteer/record/index');
  await page.waitForText('李建国的志愿服务');
  return page;
}

/** The card of an activity in the list: its title's card. */
function card(page: PageHandle, title: string): string {
  const heading = page.getByText(title);
  return (heading.parentElement?.parentElement?.textContent ?? '').replace(/\s+/g, ' ');
}

it('shows each activity’s hours from the stored check-in and check-out, and the totals by Shanghai year and half-year', async () => {
  // His first patrol moves a year back: this year's and this half-year's totals leave it out.
  const [first] = (await storedRecords()).filter((r) => r.activityId === 'va-haian-past-1');
  const back = (d: Date | null) => new Date(+new Date(d!) - YEAR);
  await mp.db.collection('volunteerRecords').doc(first._id).update({
    start: back(first.activity.start),
    'activity.start': back(first.activity.start),
    'activity.end': back(first.activity.end),
    checkInAt: back(first.checkInAt),
    checkOutAt: back(first.checkOutAt),
  });
  await mp.db.collection('volunteerActivities').doc('va-haian-past-1').update({ start: back(first.activity.start), end: back(first.activity.end) });

  const records = await storedRecords();
  expect(records).toHaveLength(2);
  // The community's rule (default): whole half-hours, rounded down.
  const hoursOf = (r: Stored) => Math.floor(servedMinutes(r) / 30) / 2;
  expect(records.map(hoursOf).sort()).toEqual([2, 2]);

  const page = await open();
  for (const r of records) expect(card(page, r.activity.title)).toContain(`${hoursOf(r)}小时`);
  const expected = totals(records, hoursOf);
  const text = page.text().replace(/\s+/g, '');
  expect(text).toContain(`${expected.labels.year}${expected.year.hours}小时·${expected.year.count}次`);
  expect(text).toContain(`${expected.labels.half}${expected.half.hours}小时·${expected.half.count}次`);
  expect(text).toContain(`累计${expected.all.hours}小时·${expected.all.count}次`);
  expect(expected.all).toEqual({ hours: 4, count: 2 });
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);

it('follows the community’s rule and a correction with its reason', async () => {
  // 15 minutes to the nearest: the 2 h 20 min at the 调解接待日 count 2.25 hours.
  await mp.ok('volunteer', 'setHoursRule', { unitMinutes: 15, mode: 'nearest' }, STAFF);
  const before = await storedRecords();
  const mediation = before.find((r) => r.activityId === 'va-haian-past-2')!;
  expect(servedMinutes(mediation)).toBe(140);
  const page = await open();
  expect(card(page, '邻里调解接待日')).toContain('2.25小时');
  page.close();

  // 刘洋 corrects it: he left at the end, not 40 minutes before.
  await mp.ok(
    'volunteer',
    'correctRecord',
    { id: 'va-haian-past-2', openid: VOLUNTEER, checkInAt: new Date(mediation.checkInAt!).toISOString(), checkOutAt: new Date(mediation.activity.end).toISOString(), reason: '签退时手机没电，由队长补记' },
    STAFF,
  );
  const after = await open();
  expect(card(after, '邻里调解接待日')).toContain('3小时');
  expect(card(after, '邻里调解接待日')).toContain('已更正');
  const [stored] = (await storedRecords()).filter((r) => r.activityId === 'va-haian-past-2');
  expect(+new Date(stored.checkOutAt!)).toBe(+new Date(mediation.activity.end));
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);

it('lists the activities he is signed up or waiting for, without hours', async () => {
  await mp.ok('volunteer', 'signUp', { id: 'va-haian-1', requestId: randomUUID(), confirmRequirements: true });
  // 调解接待日: three seats, taken before he asks.
  for (const openid of ['demo-resident', 'demo-resident-2', 'demo-grid-worker']) await mp.ok('volunteer', 'signUp', { id: 'va-haian-4', requestId: randomUUID(), confirmRequirements: true }, openid);
  await mp.ok('volunteer', 'signUp', { id: 'va-haian-4', requestId: randomUUID(), confirmRequirements: true });

  const page = await open();
  const patrol = card(page, '海岸花园夜间安全巡逻');
  expect(patrol).toContain('已报名');
  expect(patrol).toContain('待参加');
  expect(patrol).not.toContain('小时');
  expect(card(page, '邻里矛盾调解接待日')).toContain('候补第1位');
  // Totals count only hours served.
  expect(page.text().replace(/\s+/g, '')).toMatch(/累计[\d.]+小时·2次/);
  await page.tap('海岸花园夜间安全巡逻');
  expect(mp.wx.navigation).toEqual([{ method: 'navigateTo', url: '/packages/volunteer/activity/index?id=va-haian-1' }]);
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);
