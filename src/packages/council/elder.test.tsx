/**
 * 长辈版 on the council pages for a verified resident (孙海燕, demo-resident-2, 海岸花园2号楼), sized from
 * the kit's real CSS as tests/components/elder.test.tsx does for every page: text ≥ 18 px, targets ≥ 60 px,
 * and at the largest system font everything doubles.
 */
import type { ComponentType } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { api } from '@/api';
import { StyleResolver } from '../../../tests/components/support/kitCss';
import { auditElder, setBrowserFontScale, setElderCache } from '../../../tests/components/support/elder';
import { actAs } from '../../../tests/support/componentEnv';
import { setRouterParams } from '../../../tests/support/taro';
import { absent } from '../../../tests/support/absent';
import CouncilBoard from './index';
import CouncilMatter from './matter/index';
import CouncilRaise from './raise/index';

jest.setTimeout(90_000);
const slow = { timeout: 20_000 };

let restoreScale: (() => void) | undefined;
beforeEach(() => {
  actAs('demo-resident-2');
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
  restoreScale?.();
  restoreScale = undefined;
});
afterAll(async () => {
  actAs('demo-resident-2');
  await api.users.setPreferences({ elderMode: false });
});

const PAGES: Array<{ name: string; Page: ComponentType; params?: Record<string, string>; ready: string }> = [
  { name: 'board', Page: CouncilBoard, ready: 'matter' },
  { name: 'matter', Page: CouncilMatter, params: { id: 'mt-demo-bins' }, ready: 'result' },
  { name: 'raise', Page: CouncilRaise, ready: 'submit' },
];

async function renderPage({ Page, params, ready }: (typeof PAGES)[number], scale: number): Promise<Element> {
  await api.users.setPreferences({ elderMode: true });
  setElderCache(true);
  if (scale !== 1) restoreScale = setBrowserFontScale(scale);
  setRouterParams(params ?? {});
  const { container } = render(<Page />);
  await screen.findAllByTestId(ready, undefined, slow);
  await absent(() => container.querySelector('[data-testid="loading"]'), slow);
  const root = container.querySelector('.jy-page');
  if (!root) throw new Error('the page is not built in the kit’s Page');
  return root;
}

describe.each(PAGES)('the council $name page in 长辈版', (page) => {
  it('text ≥ 18 px, every target ≥ 60 × 60 px', async () => {
    const root = await renderPage(page, 1);
    const found = auditElder(root, new StyleResolver(375), { minFont: 18, minTarget: 60 });
    expect({ smallText: found.smallText, smallTargets: found.smallTargets, smallFields: found.smallFields }).toEqual({ smallText: [], smallTargets: [], smallFields: [] });
    expect(found.targets).toBeGreaterThan(0);
  });

  it('at the largest system font: nothing under 36 px', async () => {
    const root = await renderPage(page, 2);
    const found = auditElder(root, new StyleResolver(375), { minFont: 36, minTarget: 60 });
    expect({ smallText: found.smallText, smallTargets: found.smallTargets, smallFields: found.smallFields }).toEqual({ smallText: [], smallTargets: [], smallFields: [] });
  });
});
