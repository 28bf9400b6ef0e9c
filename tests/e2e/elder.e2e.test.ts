/**
 * 长辈版 in Chromium at 390 px: the resident's main journey (scan → file → 我的诉求 → detail) with the
 * layout measured on every page (getBoundingClientRect, getComputedStyle): nothing wider than the
 * viewport or scrolling sideways, every button and link ≥ 60 × 60 CSS px, text ≥ 18 px at ≥ 4.5 : 1,
 * no text box over another, nothing clipped. Then the same at the browser's largest font setting.
 */
import type { Locator, Page } from 'playwright-core';
import { screenshot, signInAs, startBrowserStack, type BrowserOptions } from './browser';

const CODE = '370602B0001';

/**
 * The element with this test id on the page in front: Taro's H5 router keeps the pages behind in the
 * document (hidden), so a page opened twice has its test ids twice.
 */
const byId = (page: Page, id: string, extra = '') => page.locator(`[data-testid="${id}"]${extra}:visible`).first();

/** What the layout audit found on the page as it is now (each list empty when all is well). */
interface Audit {
  viewport: number;
  scrollWidth: number;
  /** Visible elements reaching outside the viewport. */
  wide: string[];
  /** Buttons and links smaller than the least target. */
  smallTargets: string[];
  /** Text smaller than the least size. */
  smallText: string[];
  /** Text under 4.5 : 1 against what is behind it. */
  lowContrast: string[];
  /** Lines of text drawn over other lines. */
  overlaps: string[];
  /** Content cut off by its box. */
  clipped: string[];
  /** How many texts and targets were measured. */
  counted: { texts: number; targets: number };
}

async function audit(page: Page, limits: { minFont: number; minTarget: number }): Promise<Audit> {
  return page.evaluate(({ minFont, minTarget }) => {
    const vw = window.innerWidth;
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls ? `.${cls}` : ''} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    };
    const all = Array.from(document.querySelectorAll('body *')).filter(visible);
    const ownText = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    // Pictures drawn with a character (aria-hidden, always beside their words) are not text to read.
    const texts = all.filter((el) => ownText(el) && !el.closest('[aria-hidden="true"]'));

    const wide = all.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.left < -1 || r.right > vw + 1;
    });

    // Everything a finger is meant to hit: links, buttons, the kit's tappables, ARIA controls, fields.
    const TARGETS = 'a[href], button, .nut-button, .jy-tap, [role=button], [role=link], [role=tab], [role=radio], [role=checkbox], [role=switch], taro-textarea-core, taro-input-core';
    const targets = all.filter((el) => el.matches(TARGETS) && !el.parentElement?.closest('.nut-button'));
    const smallTargets = targets.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width < minTarget - 0.5 || r.height < minTarget - 0.5;
    });

    // What is typed into a field (and its placeholder) is text too.
    const fields = all.filter((el) => el.matches('textarea, input:not([type=file])'));
    const smallText = [...texts, ...fields].filter((el) => parseFloat(getComputedStyle(el).fontSize) < minFont - 0.01);

    const rgba = (value: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(value);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1].split(/[,\s/]+/).filter(Boolean).map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const over = (top: number[], below: number[]) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3]));
    /** The colours behind the element: one, or each stop of a gradient it sits on. */
    const backgroundsOf = (el: Element): number[][] => {
      const layers: Array<[number, number, number, number]> = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage.includes('gradient')) {
          const stops = style.backgroundImage.match(/rgba?\([^)]+\)/g) ?? [];
          const below = layers.reverse().reduce<number[]>((b, top) => over(top, b), [255, 255, 255]);
          return stops.map((stop) => over(rgba(stop), below));
        }
        const color = rgba(style.backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      return [layers.reverse().reduce<number[]>((below, top) => over(top, below), [255, 255, 255])];
    };
    const luminance = (c: number[]) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const lowContrast: string[] = [];
    for (const el of texts) {
      const ratios = backgroundsOf(el).map((bg) => {
        const fg = over(rgba(getComputedStyle(el).color), bg);
        const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
        return (hi + 0.05) / (lo + 0.05);
      });
      const ratio = Math.min(...ratios);
      if (ratio < 4.5) lowContrast.push(`${describe(el)} ${ratio.toFixed(2)}:1`);
    }

    // Line boxes of different texts must not cross (one text inside another is fine).
    const boxes = texts.flatMap((el) => Array.from(el.getClientRects()).map((r) => ({ el, r })));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 2 && y > 2) overlaps.push(`${describe(a.el)} × ${describe(b.el)}`);
      }
    }

    // Boxes that hide what overflows them must have room for it; buttons must fit their words.
    const clipped = all
      .filter((el) => {
        const style = getComputedStyle(el);
        const hides = (v: string) => v === 'hidden' || v === 'clip';
        const cutX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const cutY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        const button = el.matches('.nut-button') && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
        return cutX || cutY || button;
      })
      .map(describe);

    // A one-line field cannot wrap: its placeholder must fit in it.
    const measure = document.createElement('canvas').getContext('2d');
    for (const input of all.filter((el): el is HTMLInputElement => el.matches('input[placeholder]'))) {
      if (!measure || !input.placeholder) continue;
      const style = getComputedStyle(input);
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (measure.measureText(input.placeholder).width > room + 1) clipped.push(`${describe(input)} placeholder "${input.placeholder}" is cut`);
    }

    return {
      viewport: vw,
      scrollWidth: document.documentElement.scrollWidth,
      wide: wide.map(describe),
      smallTargets: smallTargets.map((el) => {
        const r = el.getBoundingClientRect();
        return `${describe(el)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      }),
      smallText: smallText.map((el) => `${describe(el)} ${getComputedStyle(el).fontSize}`),
      lowContrast,
      overlaps: overlaps.slice(0, 20),
      clipped,
      counted: { texts: texts.length, targets: targets.length },
    };
  }, limits);
}

/**
 * The whole page in one picture: Taro's H5 scrolls inside its page element, not the document, so the
 * viewport is stretched to the page's height for the shot (the audit runs at the phone's 844).
 */
async function wholePage(page: Page, name: string) {
  const height = await page.evaluate(() =>
    Math.max(844, ...Array.from(document.querySelectorAll('.jy-page')).filter((el) => el.checkVisibility()).map((el) => Math.ceil(el.scrollHeight))),
  );
  await page.setViewportSize({ width: 390, height });
  await page.waitForTimeout(200);
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
}

/** The page as it stands meets the limits; the screenshot is saved either way. */
async function expectUsable(page: Page, name: string, limits: { minFont: number; minTarget: number }) {
  await page.waitForTimeout(300); // fonts and images settle
  const found = await audit(page, limits);
  await wholePage(page, name);
  expect({ page: name, ...found, counted: undefined }).toEqual({
    page: name,
    viewport: 390,
    scrollWidth: 390,
    wide: [],
    smallTargets: [],
    smallText: [],
    lowContrast: [],
    overlaps: [],
    clipped: [],
    counted: undefined,
  });
  expect(found.counted.texts).toBeGreaterThan(3);
  return found;
}

const ELDER = { minFont: 18, minTarget: 60 };

async function withStack<T>(options: BrowserOptions, run: (page: Page, base: string) => Promise<T>): Promise<T> {
  const stack = await startBrowserStack(options);
  try {
    return await run(await stack.context.newPage(), stack.cloud.url);
  } finally {
    await stack.close();
  }
}

/** Switches 长辈版 on in 我的, as the resident would; it is saved on their profile. */
async function turnElderOn(page: Page) {
  const toggle = byId(page, 'elder-switch');
  await toggle.waitFor();
  if ((await toggle.getAttribute('data-on')) !== 'true') await toggle.click();
  await byId(page, 'elder-switch', '[data-on="true"]').waitFor();
  await page.getByText('已开启').first().waitFor();
  await page.locator('.jy-page--elder:visible').first().waitFor();
}

it('长辈版: scan → file in 3 taps → 我的诉求 → detail, every page readable and tappable at 390 px', async () => {
  await withStack({}, async (page, base) => {
    await signInAs(page, base, '王秀英', '/#/pages/mine/index');
    await turnElderOn(page);
    await expectUsable(page, 'elder-01-mine', ELDER);

    // The scan opens the landing page; from here on every tap is counted.
    await page.goto(`${base}/#/pages/scan/index?code=${CODE}`);
    await byId(page, 'scan-building').waitFor();
    await page.locator('.jy-page--elder:visible').first().waitFor();
    await expectUsable(page, 'elder-02-scan', ELDER);

    let taps = 0;
    const tap = async (target: Locator) => {
      taps += 1;
      await target.click();
    };
    await tap(byId(page, 'scan-category-sanitation'));
    await byId(page, 'category-sanitation', '[data-active="true"]').waitFor();
    await expectUsable(page, 'elder-03-filing', ELDER);
    const description = page.locator('textarea:visible').first();
    await tap(description);
    await description.fill('3单元门口垃圾桶满了两天没人清，味道很大。');
    await tap(byId(page, 'submit'));
    await byId(page, 'timeline').waitFor();
    expect(taps).toBe(3);
    expect(await byId(page, 'appeal-description').textContent()).toContain('垃圾桶');
    // The toast's words stay on the page.
    expect(await byId(page, 'page-notice').textContent()).toContain('已提交');
    await expectUsable(page, 'elder-04-filed', ELDER);

    // 首页 in 长辈版: the main actions first, in plain words; then 我的诉求 and the detail.
    await page.goto(`${base}/#/pages/home/index`);
    await byId(page, 'main-actions').waitFor();
    await byId(page, 'building-name').waitFor();
    expect(await byId(page, 'main-actions').textContent()).toMatch(/反映问题.*我的诉求.*预约办事.*给网格员打电话/);
    expect(await byId(page, 'call-grid').getAttribute('href')).toBe('tel:13863550001');
    await expectUsable(page, 'elder-05-home', ELDER);

    await byId(page, 'main-appeals').click();
    await byId(page, 'my-appeal').waitFor();
    expect(await byId(page, 'my-appeal').textContent()).toContain('垃圾桶');
    await expectUsable(page, 'elder-06-my-appeals', ELDER);

    await byId(page, 'my-appeal').click();
    await byId(page, 'timeline').waitFor();
    await byId(page, 'calls').waitFor();
    await expectUsable(page, 'elder-07-detail', ELDER);
  });
}, 180_000);

it('at the browser’s largest font setting text doubles and wraps; 长辈版 is offered once and holds too', async () => {
  await withStack({ defaultFontSize: 32 }, async (page, base) => {
    await signInAs(page, base, '孙海燕', '/#/pages/home/index');
    await byId(page, 'building-name').waitFor();
    expect(await page.locator('.jy-page:visible').first().getAttribute('data-font-scale')).toBe('2');
    // Normal mode, scale 2: body text 28 design px × 2 (≈ 29 CSS px at 390), small text ≥ 26.
    await byId(page, 'elder-offer').waitFor();
    const normal = await expectUsable(page, 'elder-large-01-home-offer', { minFont: 26, minTarget: 0 });
    expect(normal.counted.targets).toBeGreaterThan(5);

    await byId(page, 'elder-offer-yes').click();
    await page.locator('.jy-page--elder:visible').first().waitFor();
    await byId(page, 'main-actions').waitFor();
    expect(await page.locator('[data-testid="elder-offer"]:visible').count()).toBe(0);
    const LARGE = { minFont: 36, minTarget: 60 };
    await expectUsable(page, 'elder-large-02-home', LARGE);

    await page.goto(`${base}/#/pages/scan/index?code=370602B0002`);
    await byId(page, 'scan-building').waitFor();
    await expectUsable(page, 'elder-large-03-scan', LARGE);
    await byId(page, 'scan-category-elevator').click();
    await byId(page, 'category-elevator', '[data-active="true"]').waitFor();
    await expectUsable(page, 'elder-large-04-filing', LARGE);
    await page.locator('textarea:visible').first().fill('2号楼电梯按键失灵，老人上下楼很困难。');
    await byId(page, 'submit').click();
    await byId(page, 'timeline').waitFor();
    await expectUsable(page, 'elder-large-05-detail', LARGE);

    await page.goto(`${base}/#/pages/appeals/index`);
    await byId(page, 'my-appeal').waitFor();
    await expectUsable(page, 'elder-large-06-my-appeals', LARGE);
    await page.goto(`${base}/#/pages/mine/index`);
    await byId(page, 'elder-switch', '[data-on="true"]').waitFor();
    await expectUsable(page, 'elder-large-07-mine', LARGE);
    // Offered once: a reload with 长辈版 switched off again does not ask again.
    await byId(page, 'elder-switch').click();
    await byId(page, 'elder-switch', '[data-on="false"]').waitFor();
    await page.getByText('已关闭').first().waitFor();
    await page.goto(`${base}/#/pages/home/index`);
    await byId(page, 'building-name').waitFor();
    expect(await page.locator('[data-testid="elder-offer"]:visible').count()).toBe(0);
  });
}, 240_000);
