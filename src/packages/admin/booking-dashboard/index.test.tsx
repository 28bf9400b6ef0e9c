import { render, screen } from '@testing-library/react';
import { navigation, setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import BookingDashboard from './index';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

beforeEach(() => {
  navigation.length = 0;
  setRouterParams({});
});

it('shows the community’s booking figures to its staff', async () => {
  actAs('demo-community-staff');
  render(<BookingDashboard />);
  const totals = await screen.findByTestId('dashboard-totals', undefined, slow);
  expect(totals.textContent).toContain('海岸社区');
  expect(screen.getByTestId('figure-bookings').textContent).toMatch(/^\d+$/);
  expect(screen.getByTestId('figure-satisfaction').textContent).toContain('人评价');
  expect(screen.getByTestId('dashboard-ratings').textContent).toContain('非常满意');
});

it('shows the street its communities, each opening its own figures', async () => {
  actAs('demo-street');
  render(<BookingDashboard />);
  await screen.findByTestId('dashboard-totals', undefined, slow);
  expect(screen.getAllByTestId('dashboard-child').length).toBeGreaterThan(0);
});
