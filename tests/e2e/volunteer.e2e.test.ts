/**
 * 志愿服务 in Chromium: 王秀英 declares 双报到 → joins 助老关爱服务队 → signs up for its 独居老人入户探访
 * → on the day, checks in and out with the code 刘洋 shows from the 签到表 → sees the hours in 我的服务记录
 * → issues and downloads her 志愿服务证明 → 刘洋 verifies its code and sees the 双报到 report turn her to
 * 已参加. Screenshots in test-results/screenshots/volunteer-*.png. The browser runs in another zone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { adminApp } from '../../scripts/localStack';
import { checkedInAt, underwayNow } from '../support/volunteerTime';
import { SCREENSHOTS, screenshot, signInAs, useBrowserStack } from './browser';

const openPage = useBrowserStack();

const ACTIVITY = 'va-haian-2';
const RESIDENT = 'demo-resident';

/** Pages stay in the DOM under the one in front: only the visible one counts. */
const shown = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);
const textOf = async (page: Page, testId: string) => ((await shown(page, testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

it('resident declares, joins, signs up, checks in and out → hours, certificate verified → staff see 双报到 done', async () => {
  const { page, base } = await openPage();
  const db = adminApp(base).database();

  // 双报到: her unit, and her residential community; nothing served yet this half-year.
  await signInAs(page, base, '王秀英', '/#/packages/volunteer/declare/index');
  await shown(page, 'declare-form').waitFor();
  await shown(page, 'unit').locator('input').fill('芝罘区财政局机关党支部');
  await shown(page, 'declare-submit').click();
  await shown(page, 'declaration').waitFor();
  expect(await textOf(page, 'declaration')).toContain('尚未参加');
  expect(await textOf(page, 'declaration')).toContain('海岸社区');
  expect(await textOf(page, 'half-year')).toContain('0次，0小时');
  await screenshot(page, 'volunteer-01-declared');

  // Joins an open team (admitted at once), then signs up for its activity from the list.
  await page.goto(`${base}/#/packages/volunteer/index`);
  await shown(page, 'join-vt-haian-zhulao').click();
  const team = page.locator('[data-testid="team"][data-id="vt-haian-zhulao"]:visible');
  await team.getByText('已加入').waitFor();
  expect(await team.textContent()).toMatch(/1名队员/);
  await screenshot(page, 'volunteer-02-joined');
  await page.locator(`[data-testid="activity"][data-id="${ACTIVITY}"]:visible`).click();
  await shown(page, 'activity-card').waitFor();
  const seatsBefore = await textOf(page, 'activity-seats');
  expect(seatsBefore).toContain('0/8人');
  await shown(page, 'sign-up').click();
  await page.locator('[data-testid="my-status"]:visible', { hasText: '已报名' }).waitFor();
  expect(await textOf(page, 'activity-seats')).toContain('1/8人');
  expect(await textOf(page, 'check-window')).toMatch(/签到时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 至/);
  await screenshot(page, 'volunteer-03-signed-up');

  // The day comes: the activity began 90 minutes ago and ends in 30.
  const { start } = await underwayNow(db, ACTIVITY, { startedMinutesAgo: 90, endsInMinutes: 30 });

  // 刘洋 sees the 双报到 report (she has not served yet), then the 签到表 with the code to show on site.
  await signInAs(page, base, '刘洋', '/#/packages/admin/volunteer-teams/index');
  await shown(page, 'reported').waitFor();
  // The seed's party members are reported too: the counts are read, and must move by her service only.
  const summary = (text: string) => {
    const m = /^共(\d+)人报到，已参加服务(\d+)人，尚未参加(\d+)人$/.exec(text);
    if (!m) throw new Error(`unexpected summary: ${text}`);
    return { total: Number(m[1]), served: Number(m[2]), notYet: Number(m[3]) };
  };
  const before = summary(await textOf(page, 'reported-summary'));
  expect(before.total).toBe(before.served + before.notYet);
  expect(before.notYet).toBeGreaterThanOrEqual(1);
  const reported = page.locator(`[data-testid="reported-member"][data-openid="${RESIDENT}"]:visible`);
  expect(await reported.textContent()).toContain('王秀英（芝罘区财政局机关党支部）尚未参加');
  await shown(page, 'reported').scrollIntoViewIfNeeded();
  await screenshot(page, 'volunteer-04-report-before');
  await page.goto(`${base}/#/packages/admin/volunteer-roster/index?id=${ACTIVITY}`);
  await shown(page, 'roster-code').waitFor();
  const code = await textOf(page, 'roster-code');
  expect(code).toMatch(/^\d{6}$/);
  expect(await textOf(page, 'roster-status')).toBe('进行中');
  await shown(page, 'roster-qr').locator('img').waitFor();
  const row = page.locator(`[data-testid="roster-row"][data-openid="${RESIDENT}"]:visible`);
  expect(await row.textContent()).toContain('未签到');
  await screenshot(page, 'volunteer-05-roster-code');

  // On site: she types the code and checks in; she arrived 10 minutes before the start; checks out now.
  await signInAs(page, base, '王秀英', `/#/packages/volunteer/activity/index?id=${ACTIVITY}`);
  await shown(page, 'check').waitFor();
  await shown(page, 'code').locator('input').fill(code);
  await shown(page, 'check-submit').click();
  await shown(page, 'my-check-in').waitFor();
  expect(await textOf(page, 'check')).toContain('现场签退');
  await screenshot(page, 'volunteer-06-checked-in');
  await checkedInAt(db, ACTIVITY, RESIDENT, new Date(start.getTime() - 10 * 60_000));
  await page.reload();
  await shown(page, 'check').waitFor();
  expect(await textOf(page, 'check')).toContain('现场签退');
  await shown(page, 'code').locator('input').fill(code);
  await shown(page, 'check-submit').click();
  await shown(page, 'my-check-out').waitFor();
  expect(await shown(page, 'check').count()).toBe(0);
  await screenshot(page, 'volunteer-07-checked-out');

  // 我的服务记录: 90 minutes inside the activity, 1.5 hours by the 30-minute rule.
  await shown(page, 'open-record').click();
  const item = page.locator(`[data-testid="record-item"][data-id="${ACTIVITY}"]:visible`);
  await item.waitFor();
  expect(await item.textContent()).toContain('1.5小时');
  expect(await item.textContent()).toMatch(/签到 \d{4}-\d{2}-\d{2} \d{2}:\d{2} · 签退 /);
  expect(await textOf(page, 'total-all')).toBe('累计1.5 小时 · 1次');
  expect(await textOf(page, 'total-half')).toMatch(/^\d{4}年[上下]半年1\.5 小时 · 1次$/);
  await screenshot(page, 'volunteer-08-record');

  // 志愿服务证明 over all her records: the same figures, a 16-symbol code, an image she downloads.
  await shown(page, 'open-certificate').click();
  await shown(page, 'issue').click();
  await shown(page, 'certificate').waitFor();
  expect(await textOf(page, 'cert-hours')).toContain('1.5小时');
  expect(await textOf(page, 'cert-activities')).toContain('1次');
  expect(await textOf(page, 'cert-name')).toContain('王秀英');
  expect(await textOf(page, 'certificate')).toContain('独居老人入户探访（邻里情 · 助老关爱服务队）1.5小时');
  const certCode = (await textOf(page, 'cert-code')).replace('验证码', '').trim();
  expect(certCode).toMatch(/^[0-9A-Z]{16}$/);
  await shown(page, 'make-image').click();
  await shown(page, 'cert-image').locator('img').waitFor();
  const download = page.waitForEvent('download');
  await shown(page, 'save-image').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`志愿服务证明-${certCode}.png`);
  const saved = path.join(SCREENSHOTS, 'volunteer-certificate-download.png');
  await file.saveAs(saved);
  const image = PNG.sync.read(readFileSync(saved));
  expect([image.width, image.height]).toEqual([750, 1100]);
  await screenshot(page, 'volunteer-09-certificate');

  // Her 双报到 now reads 已完成.
  await page.goto(`${base}/#/packages/volunteer/declare/index`);
  await shown(page, 'declaration').waitFor();
  expect(await textOf(page, 'declaration')).toContain('已完成');
  expect(await textOf(page, 'half-year')).toContain('1次，1.5小时');

  // 刘洋 checks the certificate by its code (a guessed one is refused), then the report.
  await signInAs(page, base, '刘洋', '/#/packages/volunteer/verify/index');
  await shown(page, 'code').locator('input').fill('ABCDEFGHJKMNPQRS');
  await shown(page, 'verify').click();
  await shown(page, 'verify-error').waitFor();
  expect(await textOf(page, 'verify-error')).toContain('验证码不正确');
  await shown(page, 'code').locator('input').fill(certCode.toLowerCase());
  await shown(page, 'verify').click();
  await shown(page, 'verified').waitFor();
  expect(await textOf(page, 'cert-hours')).toContain('1.5小时');
  expect(await textOf(page, 'cert-activities')).toContain('1次');
  expect(await textOf(page, 'cert-name')).toContain('王秀英');
  await screenshot(page, 'volunteer-10-verified');

  await page.goto(`${base}/#/packages/admin/volunteer-teams/index`);
  await shown(page, 'reported').waitFor();
  expect(summary(await textOf(page, 'reported-summary'))).toEqual({ total: before.total, served: before.served + 1, notYet: before.notYet - 1 });
  expect(await reported.textContent()).toContain('王秀英（芝罘区财政局机关党支部）1次 1.5小时');
  await shown(page, 'reported').scrollIntoViewIfNeeded();
  await screenshot(page, 'volunteer-11-report-after');
}, 120_000);

