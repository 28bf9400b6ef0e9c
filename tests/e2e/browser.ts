import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { LocalCloud } from '../../emulator/server';
import { ROOT, startStack } from '../../scripts/localStack';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The browser's zone: far from Shanghai (16 hours behind), so on most hours of the day its calendar
 * day differs from Shanghai's. The app must show Shanghai's days and times anyway.
 */
export const BROWSER_TIME_ZONE = 'America/Los_Angeles';

/** Browser settings a test may change: `defaultFontSize` is the reader's font size setting (Chromium's 16 px). */
export interface BrowserOptions {
  defaultFontSize?: number;
}

/** The whole local system serving the built H5 app, and a headless Debian Chromium on it. */
export async function startBrowserStack(options: BrowserOptions = {}): Promise<{ cloud: LocalCloud; context: BrowserContext; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jy-e2e-'));
  const { cloud } = await startStack({ dataDir, staticDir: path.join(ROOT, 'dist-h5'), timers: false });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'jy-chromium-'));
  if (options.defaultFontSize) {
    // Chromium's 「字体大小」 setting lives in the profile's preferences.
    mkdirSync(path.join(profile, 'Default'), { recursive: true });
    writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: options.defaultFontSize } } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: BROWSER_TIME_ZONE,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    cloud,
    context,
    close: async () => {
      await context.close();
      await cloud.close();
    },
  };
}

/**
 * One browser stack for a test file: started before its tests, closed after them.
 * Returns a page on it and the app's base URL.
 */
export function useBrowserStack(options: BrowserOptions = {}): () => Promise<{ page: Page; base: string }> {
  let stack: Awaited<ReturnType<typeof startBrowserStack>> | undefined;
  beforeAll(async () => {
    stack = await startBrowserStack(options);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });
  return async () => {
    if (!stack) throw new Error('the browser stack did not start');
    return { page: await stack.context.newPage(), base: stack.cloud.url };
  };
}

/** Signs in on the local demo sign-in page by choosing the persona, as a person would. */
export async function signInAs(page: Page, baseUrl: string, personaLabel: string, next = '/') {
  await page.goto(`${baseUrl}/dev/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('button', { name: personaLabel }).first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dev/login'));
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
