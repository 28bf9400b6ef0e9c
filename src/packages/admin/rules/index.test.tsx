import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { api } from '@/api';
import AdminRules from './index';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

it('lets community staff change a category’s target and put it back', async () => {
  actAs('demo-community-staff');
  setRouterParams({});
  render(<AdminRules />);
  await screen.findByTestId('rules', undefined, slow);
  expect(screen.getByTestId('rules-community').textContent).toBe('海岸社区');
  expect(screen.getByTestId('rules-save').textContent).toContain('没有修改');

  const row = () => screen.getByTestId('rule-elderly_care');
  fireEvent.click(screen.getByTestId('rule-elderly_care-target-grid'));
  expect(row().textContent).toContain('未保存');
  fireEvent.click(screen.getByTestId('rules-save'));
  await waitFor(() => expect(row().textContent).toContain('社区设置'), slow);
  expect(screen.getByTestId('rule-elderly_care-target-grid').getAttribute('data-active')).toBe('true');

  fireEvent.click(screen.getByTestId('rule-elderly_care-reset'));
  fireEvent.click(screen.getByTestId('rules-save'));
  await waitFor(() => expect(row().textContent).toContain('全市默认'), slow);
});

it('shows the rules read-only to a grid worker (their own community) and to the street', async () => {
  actAs('demo-grid-worker');
  setRouterParams({});
  const grid = render(<AdminRules />);
  await screen.findByTestId('rules-readonly', undefined, slow);
  expect(screen.getByTestId('rules-community').textContent).toBe('海岸社区');
  expect(screen.queryByTestId('rules-save')).toBeNull();
  expect(screen.getByTestId('rule-elevator-label').textContent).toBe('小区物业公司');
  grid.unmount();

  actAs('demo-street');
  setRouterParams({ communityId: 'c-haian' });
  render(<AdminRules />);
  await screen.findByTestId('rules-readonly', undefined, slow);
  expect(screen.queryByTestId('rule-elevator-target-grid')).toBeNull();
});

it('a colleague’s save in the meantime is a conflict: their rule is shown, the edit here is kept to save again', async () => {
  actAs('demo-community-staff');
  setRouterParams({});
  render(<AdminRules />);
  await screen.findByTestId('rules', undefined, slow);
  fireEvent.click(screen.getByTestId('rule-parking-target-community'));

  // Someone else at 海岸社区 saves a rule of another category while this page is open.
  await api.appeals.updateRoutingRules({ rules: { public_facility: 'grid' } });
  actAs('demo-community-staff');

  fireEvent.click(screen.getByTestId('rules-save'));
  await waitFor(() => expect(screen.getByTestId('rules-error').textContent).toContain('刚被他人修改'), slow);
  await waitFor(() => expect(screen.getByTestId('rule-public_facility').textContent).toContain('社区设置'), slow);
  expect(screen.getByTestId('rule-parking').textContent).toContain('未保存');

  fireEvent.click(screen.getByTestId('rules-save'));
  await waitFor(() => expect(screen.getByTestId('rule-parking').textContent).toContain('社区设置'), slow);
  expect(screen.getByTestId('rule-public_facility').textContent).toContain('社区设置');
  // Put both back for the other tests.
  await api.appeals.updateRoutingRules({ rules: { public_facility: null, parking: null } });
});
