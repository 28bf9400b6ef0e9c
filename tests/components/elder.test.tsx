/**
 * 长辈版 and the system font scale on every resident page, rendered in jsdom against the real local
 * cloud, with the sizes read from the kit's real CSS (tests/components/support/kitCss.ts: the SCSS
 * compiled as the H5 build compiles it, resolved at Taro's root font size for a 375 px phone — where
 * 2 design px = 1 CSS px). jsdom has no layout, so these are the floors the CSS sets (font sizes,
 * min-height/min-width of every tappable); the Chromium end-to-end test measures the boxes.
 */
import type { ComponentType } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ResolvedPlace } from '@contract/org';
import { api } from '@/api';
import { uuid } from '@/utils/uuid';
import { StyleResolver } from './support/kitCss';
import { auditElder, setBrowserFontScale, setElderCache, textElements } from './support/elder';
import { actAs } from '../support/componentEnv';
import { navigation, setRouterParams } from '../support/taro';
import Home from '@/pages/home/index';
import Scan from '@/pages/scan/index';
import AppealNew from '@/pages/appeal-new/index';
import MyAppeals from '@/pages/appeals/index';
import AppealPage from '@/pages/appeal/index';
import Mine from '@/pages/mine/index';
import BookingEntry from '@/packages/booking/index';
import VolunteerEntry from '@/packages/volunteer/index';
import CouncilEntry from '@/packages/council/index';
import { absent } from '../support/absent';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

const CODE = '370602B0001';
const PLACE_KEY = 'jy.currentPlace';
let place: ResolvedPlace;
let appealId: string;

beforeAll(async () => {
  // A WeChat user new to the cloud: files its own appeal, has its own 长辈版 setting.
  actAs('__new__');
  place = await api.org.resolveCode({ code: CODE });
  const appeal = await api.appeals.create({
    requestId: uuid(),
    buildingCode: CODE,
    category: 'public_facility',
    description: '2单元门口路灯不亮了，晚上进出看不清台阶。',
    photos: [],
    anonymous: false,
  });
  appealId = appeal.id;
});

let restoreScale: (() => void) | undefined;
beforeEach(() => {
  actAs('__new__');
  navigation.length = 0;
  window.localStorage.clear();
  window.localStorage.setItem(PLACE_KEY, JSON.stringify(place));
  setRouterParams({});
});
afterEach(() => {
  cleanup();
  restoreScale?.();
  restoreScale = undefined;
});

interface PageCase {
  name: string;
  Page: ComponentType;
  params?: () => Record<string, string>;
  /** A test id that is there once the page has its content. */
  ready: string;
}

const PAGES: PageCase[] = [
  { name: 'home', Page: Home, ready: 'building-name' },
  { name: 'scan', Page: Scan, params: () => ({ code: CODE }), ready: 'scan-building' },
  { name: 'appeal-new', Page: AppealNew, ready: 'description' },
  { name: 'appeals', Page: MyAppeals, ready: 'my-appeal' },
  { name: 'appeal', Page: AppealPage, params: () => ({ id: appealId }), ready: 'timeline' },
  { name: 'mine', Page: Mine, ready: 'elder-switch' },
  { name: 'booking', Page: BookingEntry, ready: 'service' },
  { name: 'volunteer', Page: VolunteerEntry, ready: 'open-record' },
  { name: 'council', Page: CouncilEntry, ready: 'residence' },
];

async function renderPage({ Page, params, ready }: PageCase, { elder, scale }: { elder: boolean; scale: number }) {
  // The user's profile and this device agree (我的 takes the profile's word).
  await api.users.setPreferences({ elderMode: elder });
  setElderCache(elder);
  if (scale !== 1) restoreScale = setBrowserFontScale(scale);
  setRouterParams(params?.() ?? {});
  const { container } = render(<Page />);
  await screen.findAllByTestId(ready, undefined, slow);
  // The home page looks its building up; the detail page its calls: let them land.
  await absent(() => container.querySelector('[data-testid="loading"]'), slow);
  const root = container.querySelector('.jy-page');
  if (!root) throw new Error('the page is not built in the kit’s Page');
  return root;
}

describe.each(PAGES)('the $name page', (page) => {
  it('in 长辈版: text ≥ 18 px, headings larger, every target ≥ 60 × 60 px with room between', async () => {
    const root = await renderPage(page, { elder: true, scale: 1 });
    expect(root.classList.contains('jy-page--elder')).toBe(true);
    const css = new StyleResolver(375);
    const found = auditElder(root, css, { minFont: 18, minTarget: 60 });
    expect({ smallText: found.smallText, smallTargets: found.smallTargets, smallFields: found.smallFields }).toEqual({ smallText: [], smallTargets: [], smallFields: [] });
    expect(found.texts).toBeGreaterThan(2);
    expect(found.targets).toBeGreaterThan(0);
    // Headings are larger than body text; targets have room between them.
    const body = css.fontSizePx(root);
    expect(body).toBeGreaterThanOrEqual(20);
    for (const title of Array.from(root.querySelectorAll('.card__title'))) expect(css.fontSizePx(title)).toBeGreaterThan(body);
  });

  it('at the largest system font in 长辈版: everything doubles, nothing under 36 px', async () => {
    const root = await renderPage(page, { elder: true, scale: 2 });
    expect(root.getAttribute('data-font-scale')).toBe('2');
    expect(root.classList.contains('jy-page--large-text')).toBe(true);
    const found = auditElder(root, new StyleResolver(375), { minFont: 36, minTarget: 60 });
    expect({ smallText: found.smallText, smallTargets: found.smallTargets, smallFields: found.smallFields }).toEqual({ smallText: [], smallTargets: [], smallFields: [] });
  });

  it('at the largest system font without 长辈版: every text is twice its usual size', async () => {
    const root = (await renderPage(page, { elder: false, scale: 2 })) as HTMLElement;
    expect(root.classList.contains('jy-page--elder')).toBe(false);
    const texts = textElements(root);
    const large = texts.map((el) => new StyleResolver(375).fontSizePx(el));
    root.style.setProperty('--jy-font-scale', '1');
    const usual = new StyleResolver(375);
    const notGrown = texts.filter((el, i) => large[i] < 2 * usual.fontSizePx(el) - 0.01).map((el) => (el.textContent ?? '').slice(0, 12));
    expect(notGrown).toEqual([]);
    expect(Math.min(...large)).toBeGreaterThanOrEqual(24);
  });
});

it('the CSS resolver reads the kit’s real values, and the audit flags what is too small', async () => {
  const root = (await renderPage(PAGES.find((p) => p.name === 'volunteer')!, { elder: false, scale: 1 })) as HTMLElement;
  const css = new StyleResolver(375);
  // Normal body text: 28 design px = 14 CSS px on a 375 px phone; in 长辈版 40 → 20; at scale 2, 40.
  expect(css.fontSizePx(root)).toBeCloseTo(14, 5);
  root.classList.add('jy-page--elder');
  expect(new StyleResolver(375).fontSizePx(root)).toBeCloseTo(20, 5);
  root.style.setProperty('--jy-font-scale', '2');
  expect(new StyleResolver(375).fontSizePx(root)).toBeCloseTo(40, 5);
  root.style.setProperty('--jy-font-scale', '1');
  // A 12 px text and a tappable with no floor are reported.
  const tiny = document.createElement('span');
  tiny.style.setProperty('font-size', '0.6rem');
  tiny.textContent = '小字';
  root.appendChild(tiny);
  const bare = document.createElement('a');
  bare.setAttribute('href', 'tel:1');
  bare.textContent = '打电话';
  root.appendChild(bare);
  const found = auditElder(root, new StyleResolver(375), { minFont: 18, minTarget: 60 });
  expect(found.smallText).toEqual([expect.stringContaining('小字')]);
  expect(found.smallTargets).toEqual([expect.stringContaining('打电话')]);
});

it('the spacing token gives 长辈版 targets room: --jy-gap ≥ 12 px and --jy-tap ≥ 60 px', async () => {
  const root = await renderPage(PAGES[0], { elder: true, scale: 1 });
  const css = new StyleResolver(375);
  const probe = document.createElement('div');
  probe.className = 'jy-probe';
  root.appendChild(probe);
  probe.style.setProperty('min-height', 'var(--jy-gap)');
  probe.style.setProperty('min-width', 'var(--jy-tap)');
  expect(css.lengthPx(probe, 'min-height')).toBeGreaterThanOrEqual(12);
  expect(css.lengthPx(probe, 'min-width')).toBeGreaterThanOrEqual(60);
  // On a phone narrower than 375 (320: design px shrink) the CSS px floors hold.
  const narrow = new StyleResolver(320);
  expect(narrow.lengthPx(probe, 'min-width')).toBeGreaterThanOrEqual(60);
});

it('长辈版 home puts the main actions first, in plain words, with one tap to call the grid worker', async () => {
  const root = await renderPage(PAGES[0], { elder: true, scale: 1 });
  const main = screen.getByTestId('main-actions');
  expect(root.firstElementChild?.nextElementSibling).toBe(main);
  expect(main.textContent).toMatch(/反映问题.*我的诉求.*预约办事.*给网格员打电话/);
  expect(screen.getByTestId('call-grid').getAttribute('href')).toBe('tel:13863550001');
  expect(screen.getByTestId('call-community').getAttribute('href')).toBe('tel:05356601101');
  fireEvent.click(screen.getByTestId('main-appeal'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/pages/appeal-new/index' });
});

it('filing in 长辈版 takes 3 taps after the scan besides typing: category, description, submit', async () => {
  setElderCache(true);
  let taps = 0;
  const tap = (el: Element) => {
    taps += 1;
    fireEvent.click(el);
  };

  // The scan opens the landing page: the categories are the first thing to choose.
  setRouterParams({ code: CODE });
  const scan = render(<Scan />);
  tap(await screen.findByTestId('scan-category-sanitation', undefined, slow));
  const opened = navigation.find((n) => n.method === 'navigateTo');
  expect(opened?.url).toBe('/pages/appeal-new/index?category=sanitation');
  scan.unmount();

  setRouterParams({ category: 'sanitation' });
  const form = render(<AppealNew />);
  await waitFor(() => expect(screen.getByTestId('category-sanitation').getAttribute('data-active')).toBe('true'), slow);
  const textarea = await waitFor(() => {
    const el = screen.getByTestId('description').querySelector('textarea');
    if (!el) throw new Error('no textarea yet');
    return el;
  });
  tap(textarea);
  fireEvent.input(textarea, { target: { value: '楼道里的垃圾三天没人收了，气味很大。' } });
  tap(screen.getByTestId('submit'));
  await waitFor(() => expect(navigation.find((n) => n.method === 'redirectTo')?.url).toMatch(/^\/pages\/appeal\/index\?id=/), slow);
  expect(taps).toBe(3);
  form.unmount();

  // The detail page shows the filed appeal, and the toast's words stay on it.
  const id = new URLSearchParams((navigation.find((n) => n.method === 'redirectTo')?.url ?? '').split('?')[1]).get('id') ?? '';
  setRouterParams({ id });
  render(<AppealPage />);
  expect((await screen.findByTestId('appeal-description', undefined, slow)).textContent).toContain('垃圾');
  expect(screen.getByTestId('page-notice').textContent).toContain('已提交');
  fireEvent.click(screen.getByTestId('page-notice-close'));
  expect(screen.queryByTestId('page-notice')).toBeNull();
});

it('the switch in 我的 turns 长辈版 on at once and remembers it on the user, so another device gets it', async () => {
  await api.users.setPreferences({ elderMode: false });
  setElderCache(false);
  const first = render(<Mine />);
  const toggle = await screen.findByTestId('elder-switch', undefined, slow);
  expect(toggle.getAttribute('data-on')).toBe('false');
  fireEvent.click(toggle);
  expect(first.container.querySelector('.jy-page--elder')).not.toBeNull();
  await waitFor(() => expect(screen.getByTestId('elder-switch').textContent).toContain('已开启'), slow);
  expect((await api.users.me({})).preferences).toEqual({ elderMode: true });
  first.unmount();

  // A fresh device: nothing cached, the profile says 长辈版.
  window.localStorage.clear();
  const second = render(<Mine />);
  await screen.findByTestId('my-name', undefined, slow);
  await waitFor(() => expect(second.container.querySelector('.jy-page--elder')).not.toBeNull(), slow);
  fireEvent.click(screen.getByTestId('elder-switch'));
  await waitFor(() => expect(screen.getByTestId('elder-switch').textContent).toContain('已关闭'), slow);
  expect((await api.users.me({})).preferences).toEqual({ elderMode: false });
});

it('an enlarged system font gets 长辈版 offered once; the answer is kept', async () => {
  restoreScale = setBrowserFontScale(1.25);
  const first = render(<VolunteerEntry />);
  fireEvent.click(await screen.findByTestId('elder-offer-no'));
  expect(screen.queryByTestId('elder-offer')).toBeNull();
  first.unmount();
  render(<VolunteerEntry />);
  await screen.findByTestId('open-record');
  expect(screen.queryByTestId('elder-offer')).toBeNull();
  cleanup();

  // At the standard size it is not offered at all.
  window.localStorage.clear();
  restoreScale();
  restoreScale = undefined;
  render(<VolunteerEntry />);
  await screen.findByTestId('open-record');
  expect(screen.queryByTestId('elder-offer')).toBeNull();
});
