import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '@/api';
import { navigation } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { fileAppeal, marker } from '../shared/testing';
import AdminInbox from './index';
import { absent } from '../../../../tests/support/absent';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

beforeEach(() => {
  navigation.length = 0;
});

/** The rendered list's item for an appeal number, once the list has loaded. */
async function itemFor(no: string) {
  await screen.findByTestId('inbox-total', undefined, slow);
  return screen.queryAllByTestId('inbox-item').find((el) => el.textContent?.includes(no));
}

it('lists a new appeal for the grid worker of its building, not for another grid’s worker', async () => {
  const appeal = await fileAppeal(marker('收件'));

  actAs('demo-grid-worker');
  const first = render(<AdminInbox />);
  const item = await waitFor(async () => {
    const found = await itemFor(appeal.no);
    if (!found) throw new Error(`${appeal.no} not listed`);
    return found;
  }, slow);
  expect(item.textContent).toContain(appeal.categoryLabel);
  expect(item.textContent).toContain('待受理');
  expect(screen.getByTestId('inbox-total').textContent).toMatch(/共 \d+ 件/);
  fireEvent.click(item);
  expect(navigation).toContainEqual({ method: 'navigateTo', url: `/packages/admin/appeal/index?id=${encodeURIComponent(appeal.id)}` });

  // Not claimed yet: it is nobody's "我办理的".
  fireEvent.click(screen.getByTestId('scope-mine'));
  await absent(() => screen.queryByTestId('loading'), slow);
  expect(await itemFor(appeal.no)).toBeUndefined();
  first.unmount();

  actAs('demo-grid-worker-2');
  render(<AdminInbox />);
  await screen.findByTestId('inbox-total', undefined, slow);
  expect(await itemFor(appeal.no)).toBeUndefined();
});

it('filters by status and says so when nothing matches', async () => {
  const appeal = await fileAppeal(marker('筛选'));
  actAs('demo-grid-worker');
  render(<AdminInbox />);
  await waitFor(async () => expect(await itemFor(appeal.no)).toBeDefined(), slow);

  fireEvent.click(screen.getByTestId('filter-status-closed'));
  await absent(() => screen.queryByTestId('loading'), slow);
  await screen.findByTestId('inbox-total', undefined, slow);
  expect(await itemFor(appeal.no)).toBeUndefined();
  expect(screen.getByTestId('inbox-total').textContent).toContain('已筛选');

  fireEvent.click(screen.getByTestId('filter-status-pending'));
  await waitFor(async () => expect(await itemFor(appeal.no)).toBeDefined(), slow);

  // Categories come from the function; another category hides this 环境卫生 appeal.
  fireEvent.click(screen.getByTestId('filter-category-toggle'));
  fireEvent.click(await screen.findByTestId('filter-category-elevator', undefined, slow));
  expect(screen.getByTestId('filter-category-toggle').textContent).toContain('电梯故障');
  await absent(() => screen.queryByTestId('loading'), slow);
  await screen.findByTestId('inbox-total', undefined, slow);
  expect(await itemFor(appeal.no)).toBeUndefined();
});

it('shows a claimed appeal under 我办理的 and 我首问的, with the handler and the 首问 badge', async () => {
  const appeal = await fileAppeal(marker('首问'));
  actAs('demo-grid-worker');
  await api.appeals.claim({ id: appeal.id, version: appeal.version });
  render(<AdminInbox />);

  fireEvent.click(screen.getByTestId('scope-firstResponder'));
  const item = await waitFor(async () => {
    const found = await itemFor(appeal.no);
    if (!found) throw new Error(`${appeal.no} not listed`);
    return found;
  }, slow);
  expect(within(item).getByTestId('first-responder-badge')).toBeTruthy();
  expect(within(item).getByTestId('inbox-item-holder').textContent).toContain('张丽');
  expect(within(item).getByTestId('inbox-item-status').getAttribute('data-status')).toBe('processing');

  fireEvent.click(screen.getByTestId('scope-mine'));
  await waitFor(async () => expect(await itemFor(appeal.no)).toBeDefined(), slow);
});
