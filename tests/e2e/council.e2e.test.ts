/**
 * 家园议事会 in Chromium, 提事 → 议事 → 表决 → 办事 → 评事: a new resident binds her household in
 * 海岸花园1号楼 and asks for 住户认证 → 张丽 approves it from the workbench → she raises a matter →
 * four neighbours' households 附议 up to the community's threshold (5) → 刘洋 opens a 民法典 278 vote →
 * seven of the building's ten households vote → the window ends and the platform timer counts →
 * the result is shown → 刘洋 records the work and finishes it → households rate it.
 * Screenshots in test-results/screenshots/council-*.png.
 *
 * The seeded neighbours are verified residents of 1号楼 without a demo sign-in; the test lists them on
 * the demo sign-in page (the `demo` field of their user document), as it does the new resident once
 * she has signed in. Everything they do, they do in the browser.
 */
import type { Page } from 'playwright-core';
import type { Database } from '../../cloudfunctions/core/platform/cloud';
import { householdKey } from '../../cloudfunctions/users/domain/residence';
import { routes, type Route } from '../../types/routes';
import { adminApp } from '../../scripts/localStack';
import { blocking, describeViolations, runAxe } from './a11yAudit';
import { screenshot, signInAs, startBrowserStack } from './browser';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let db: Database;
beforeAll(async () => {
  stack = await startBrowserStack();
  db = adminApp(stack.cloud.url).database();
}, 60_000);
afterAll(() => stack?.close());

const NEW_RESIDENT = '居民 · 新住户（海岸花园1号楼3单元502）';
/** Seeded verified households of 1号楼 (scripts/seed/council.ts) given a demo sign-in here. */
const NEIGHBOURS = [
  { openid: 'demo-neighbour-1', label: '居民 · 赵桂兰（1号楼1单元101）' },
  { openid: 'demo-neighbour-2', label: '居民 · 钱志刚（1号楼1单元202）' },
  { openid: 'demo-neighbour-3', label: '居民 · 孙丽华（1号楼1单元301）' },
  { openid: 'demo-neighbour-4', label: '居民 · 李明（1号楼2单元102）' },
  { openid: 'demo-neighbour-5', label: '居民 · 周芳（1号楼2单元201）' },
];
const [ZHAO, QIAN, SUN, LI, ZHOU] = NEIGHBOURS.map((n) => n.label);
const WANG = '王秀英';

const at = (route: Route) => `/#${route}`;
/** Pages stay in the DOM under the one in front: only the visible copy counts. */
const shown = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);
const text = async (page: Page, testId: string) => ((await shown(page, testId).first().textContent()) ?? '').trim();

it('a resident is verified, raises a matter, neighbours co-sign, households vote, the work is done and rated', async () => {
  const page = await stack.context.newPage();
  const base = stack.cloud.url;
  for (const n of NEIGHBOURS) await db.collection('users').doc(n.openid).update({ demo: { label: n.label, order: 100 } });

  // 住户认证: a first-time user binds her household on the council's page and asks to be verified.
  await signInAs(page, base, '新用户', at(routes.council()));
  await shown(page, 'residence-bind').click();
  expect(await text(page, 'bind-room-error')).toBe('请填写单元和房号');
  await screenshot(page, 'council-01-bind');
  // The bind form is not among the audit's pages (its personas all have a household): checked here.
  expect(describeViolations(blocking(await runAxe(page)))).toBe('');
  await shown(page, 'bind-code').locator('input').fill('370602B0001');
  await shown(page, 'bind-room').locator('input').fill('3单元502');
  await shown(page, 'residence-bind').click();
  await shown(page, 'residence-request').click();
  await page.locator('[data-testid="residence-status"]:visible', { hasText: '等待网格员审核' }).waitFor();
  expect(await text(page, 'residence-status')).toContain('1号楼3单元502');
  await screenshot(page, 'council-02-requested');
  const { data: asked } = await db.collection('residences').where({ status: 'pending', householdKey: householdKey('b-0001', '3单元502') }).get();
  expect(asked).toHaveLength(1);
  const newcomer = String(asked[0]._id);
  await db.collection('users').doc(newcomer).update({ demo: { label: NEW_RESIDENT, order: 99 } });

  // The building's grid worker approves it from the workbench, with the floor area.
  await signInAs(page, base, '张丽', at(routes.councilVerify()));
  const request = page.locator(`[data-testid="residence-item"][data-id="${newcomer}"]`);
  expect(await request.textContent()).toContain('1号楼3单元502');
  await request.getByTestId('approve').click();
  await request.getByTestId('area').locator('input').fill('95.5');
  await screenshot(page, 'council-03-approve');
  await request.getByTestId('confirm').click();
  await request.waitFor({ state: 'detached' });

  // 提事: verified now, she raises a matter about her building; the form says what is missing first.
  await signInAs(page, base, NEW_RESIDENT, at(routes.council()));
  await page.locator('[data-testid="residence-status"]:visible', { hasText: '已认证' }).waitFor();
  await shown(page, 'open-raise').click();
  await shown(page, 'submit').click();
  expect(await text(page, 'title-error')).toContain('议题标题');
  await shown(page, 'title').locator('input').fill('1号楼单元门口加装扶手');
  await shown(page, 'description').locator('textarea').fill('单元门口台阶较陡，雨雪天老人进出容易滑倒，建议在三个单元门口加装不锈钢扶手。');
  await screenshot(page, 'council-04-raise');
  await shown(page, 'submit').click();
  await page.waitForURL(/packages\/council\/matter\/index\?id=/);
  const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
  await shown(page, 'cosign').waitFor();
  expect(await text(page, 'cosign')).toContain('附议户数 1/5');
  expect(await text(page, 'cosign')).toContain('您家已附议');
  await screenshot(page, 'council-05-raised');

  // 附议: four more households of the building; the fifth puts it on the agenda.
  for (const [i, who] of [WANG, ZHAO, QIAN, SUN].entries()) {
    await signInAs(page, base, who, at(routes.councilMatter(id)));
    await shown(page, 'cosign-submit').click();
    await page.locator('[data-testid="cosign"]:visible', { hasText: '您家已附议' }).waitFor();
    expect(await text(page, 'cosign')).toContain(`附议户数 ${i + 2}/5`);
  }
  expect(await text(page, 'cosign')).toContain('已进入议事');
  expect(await text(page, 'story')).toContain('议事中');
  await screenshot(page, 'council-06-agenda');

  // 表决: the community's staff open a 民法典 278 vote of one day.
  await signInAs(page, base, '刘洋', at(routes.councilMatter(id)));
  await shown(page, 'open-vote').click();
  await shown(page, 'rule-civil278').waitFor();
  await shown(page, 'days-1').click();
  await screenshot(page, 'council-07-open-vote');
  await shown(page, 'open-submit').click();
  await page.locator('[data-testid="ballot"]:visible').waitFor();
  expect(await text(page, 'turnout')).toContain('已投票户数 0/10');

  // One vote per household, in the browser; until the close only the turnout shows.
  const votes: Array<[string, 'yes' | 'no']> = [
    [NEW_RESIDENT, 'yes'],
    [WANG, 'yes'],
    [ZHAO, 'yes'],
    [QIAN, 'yes'],
    [SUN, 'yes'],
    [LI, 'yes'],
    [ZHOU, 'no'],
  ];
  for (const [i, [who, choice]] of votes.entries()) {
    await signInAs(page, base, who, at(routes.councilMatter(id)));
    await shown(page, `vote-${choice}`).click();
    await shown(page, 'household-vote').waitFor();
    expect(await text(page, 'household-vote')).toBe(`您已投票：${choice === 'yes' ? '赞成' : '反对'}`);
    expect(await text(page, 'turnout')).toContain(`已投票户数 ${i + 1}/10`);
    expect(await shown(page, 'result').count()).toBe(0);
    expect(await shown(page, 'vote-yes').count()).toBe(0);
  }
  await screenshot(page, 'council-08-voted');

  // The window ends; the platform's timer counts it.
  const ended = new Date();
  await db.collection('councilMatters').doc(id).update({ 'ballot.closesAt': ended, tallyAt: ended });
  const fired = await stack.cloud.host.fireTimer('council', 'closeVotes', new Date(ended.getTime() + 1));
  expect(fired.result).toMatchObject({ ok: true, data: { changed: 1 } });

  await signInAs(page, base, NEW_RESIDENT, at(routes.councilMatter(id)));
  await shown(page, 'result').waitFor();
  const result = await text(page, 'result');
  expect(result).toContain('参与表决户数不少于三分之二（7/10户）');
  // By households and by floor area (the six in favour have 547.2㎡ between them).
  expect(result).toMatch(/赞成（547\.2㎡） 6\/7/);
  expect(result).toMatch(/反对（88㎡） 1\/7/);
  expect(await page.locator('[data-testid="result"]:visible .council__check--unmet').count()).toBe(0);
  expect(await text(page, 'story')).toContain('办理中');
  expect(await text(page, 'household-vote')).toBe('您已投票：赞成');
  await screenshot(page, 'council-09-result');

  // 办事: staff record what was done and finish it.
  await signInAs(page, base, '刘洋', at(routes.councilMatter(id)));
  // Staff see the turnout per building, never a household's choice.
  expect(await text(page, 'building-turnout')).toMatch(/1号楼\s*7 户/);
  await shown(page, 'progress-note').locator('textarea').fill('三个单元门口的不锈钢扶手已安装完毕并验收');
  await shown(page, 'progress-owner').locator('input').fill('刘洋');
  await shown(page, 'progress-submit').click();
  await shown(page, 'progress-step').waitFor();
  expect(await text(page, 'progress-step')).toContain('负责人刘洋');
  await shown(page, 'staff-note').locator('textarea').fill('扶手已安装，请住户评价');
  await shown(page, 'advance').click();
  await page.locator('[data-testid="story"]:visible', { hasText: '待评价' }).waitFor();
  await screenshot(page, 'council-10-done');

  // 评事: households rate the outcome, once each.
  for (const [who, stars, summary] of [
    [NEW_RESIDENT, 5, '1 户评价，平均 5 星'],
    [WANG, 4, '2 户评价，平均 4.5 星'],
  ] as const) {
    await signInAs(page, base, who, at(routes.councilMatter(id)));
    await shown(page, `stars-${stars}`).click();
    await shown(page, 'rate-submit').click();
    await page.locator('[data-testid="rating-summary"]:visible', { hasText: summary }).waitFor();
    expect(await text(page, 'rating')).toContain(`您家的评价：${stars} 星`);
    expect(await shown(page, 'rate-submit').count()).toBe(0);
  }
  expect(await text(page, 'progress-step')).toContain('扶手已安装完毕');
  await screenshot(page, 'council-11-rated');
}, 150_000);
