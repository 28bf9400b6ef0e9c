/**
 * Accessibility of the H5 build: every page of `PAGES` (tests/e2e/a11yAudit.ts lists how each is
 * opened), as the persona who can open it, in every display mode (`MODES`), checked with axe-core.
 * No violation of serious or critical impact is allowed; a failure names each rule, its impact, its
 * help and the first elements it failed on. Each page state is also kept as a screenshot
 * (test-results/screenshots/pages/<mode>-<page>.png), so every page can be looked at after a run.
 */
import { MODES, allVisits, blocking, describeViolations, fileFixtures, openVisit, runAxe, type Fixtures } from './a11yAudit';
import { screenshot, useBrowserStack } from './browser';

const openPage = useBrowserStack();

let fixtures: Fixtures | undefined;
beforeAll(async () => {
  const { page, base } = await openPage();
  await page.close();
  fixtures = await fileFixtures(base);
}, 60_000);

describe.each(MODES.map((mode) => [mode.name, mode] as const))('%s mode', (modeName, mode) => {
  it.each(allVisits().map((visit) => [visit.title, visit] as const))('%s has no serious or critical axe violations', async (title, visit) => {
    if (!fixtures) throw new Error('the fixtures were not filed');
    const { page: blank, base } = await openPage();
    await blank.close();
    const page = await openVisit(blank.context(), base, visit, mode, fixtures);
    try {
      const found = blocking(await runAxe(page));
      await screenshot(page, `pages/${modeName}-${title}`);
      if (found.length > 0) {
        throw new Error(`${title} (${modeName}, as ${visit.persona}): ${found.length} serious/critical axe violation(s)\n${describeViolations(found)}`);
      }
    } finally {
      await page.close();
    }
  }, 120_000);
});
