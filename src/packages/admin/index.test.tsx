import { fireEvent, render, screen } from '@testing-library/react';
import { navigation } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import { api } from '@/api';
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

it('warns staff when the holiday calendar lacks an official schedule, and sends the district to enter it', async () => {
  actAs('demo-district');
  const status = await api.org.calendarStatus({});
  render(<AdminHome />);
  // chinese-days knows no year after 2026 and nobody entered one in the test cloud: there is a warning.
  expect(status.warning).toMatch(/放假安排尚未录入/);
  const banner = await screen.findByTestId('calendar-warning', undefined, slow);
  expect(banner.textContent).toContain(status.warning!);
  fireEvent.click(screen.getByText('去录入放假安排'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/admin/calendar/index' });
});
