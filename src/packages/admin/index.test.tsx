import { fireEvent, render, screen } from '@testing-library/react';
import { navigation } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import AdminHome from './index';

jest.setTimeout(30_000);
const slow = { timeout: 15_000 };

beforeEach(() => {
  navigation.length = 0;
});

it('offers community staff the inbox, the dashboard and the routing rules', async () => {
  actAs('demo-community-staff');
  render(<AdminHome />);
  fireEvent.click(await screen.findByTestId('entry-inbox', undefined, slow));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/admin/inbox/index' });
  expect(screen.getByTestId('entry-dashboard')).toBeTruthy();
  expect(screen.getByTestId('entry-rules')).toBeTruthy();
  fireEvent.click(screen.getByTestId('entry-calendar'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/admin/calendar/index' });
});

it('offers a grid worker no routing rules, and property staff no dashboard', async () => {
  actAs('demo-grid-worker');
  const grid = render(<AdminHome />);
  await screen.findByTestId('entry-inbox', undefined, slow);
  expect(screen.getByTestId('entry-dashboard')).toBeTruthy();
  expect(screen.queryByTestId('entry-rules')).toBeNull();
  grid.unmount();

  actAs('demo-property');
  render(<AdminHome />);
  await screen.findByTestId('entry-inbox', undefined, slow);
  expect(screen.queryByTestId('entry-dashboard')).toBeNull();
});
