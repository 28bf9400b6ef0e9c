import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { actAs, pinClock } from '../../../../tests/support/componentEnv';
import { fileAppeal, marker } from '../shared/testing';
import AdminDashboard from './index';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

afterEach(() => jest.useRealTimers());

const rangeText = () => screen.getByTestId('range-text').textContent;

it('shows the community’s rates and counts, and drills into a grid', async () => {
  const appeal = await fileAppeal(marker('看板'));
  actAs('demo-community-staff');
  render(<AdminDashboard />);

  const response = await screen.findByTestId('rate-response', undefined, slow);
  expect(screen.getByTestId('dashboard-unit').textContent).toBe('海岸社区');
  expect(response.textContent).toMatch(/^\d+(\.\d)?%$/);
  for (const key of ['resolution', 'satisfaction', 'onTimeResolution']) {
    expect(screen.getByTestId(`rate-${key}`).textContent).toMatch(/^(\d+(\.\d)?%|—)$/);
  }
  expect(Number(screen.getByTestId('count-received').textContent)).toBeGreaterThan(0);
  expect(rangeText()).toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
  // The range ends on the day the server numbered the appeal (YTyyyymmdd-…): Shanghai's today,
  // whatever the zone of the machine the page runs on.
  const filedOn = appeal.no.replace(/^YT(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3');
  expect(rangeText()).toMatch(new RegExp(`至 ${filedOn}$`));

  const child = screen.getAllByTestId('child-row').find((row) => row.textContent?.includes('第一网格'));
  expect(child).toBeDefined();
  fireEvent.click(child!);
  await waitFor(() => expect(screen.getByTestId('dashboard-unit').textContent).toContain('第一网格'), slow);
  expect(screen.getByTestId('trail').textContent).toContain('海岸社区');

  fireEvent.click(screen.getByTestId('range-7d'));
  await screen.findByTestId('rate-response', undefined, slow);
  expect(screen.getByTestId('range-7d').getAttribute('data-active')).toBe('true');
});

it('ends every preset on today in Shanghai just after midnight there, when it is still yesterday in UTC', async () => {
  pinClock('2026-12-01T16:05:00Z'); // 2026-12-02 00:05 in Shanghai
  actAs('demo-community-staff');
  render(<AdminDashboard />);
  expect(rangeText()).toBe('统计区间：2026-11-03 至 2026-12-02');
  await screen.findByTestId('rate-response', undefined, slow);

  fireEvent.click(screen.getByTestId('range-7d'));
  expect(rangeText()).toBe('统计区间：2026-11-26 至 2026-12-02');
  fireEvent.click(screen.getByTestId('range-year'));
  expect(rangeText()).toBe('统计区间：2026-01-01 至 2026-12-02');
  // The server takes the range as asked: the page shows its answer for it.
  await screen.findByTestId('rate-response', undefined, slow);
  expect(screen.getByTestId('range-year').getAttribute('data-active')).toBe('true');
});

it('starts 本年 on the new year’s first day at the year’s turn in Shanghai', async () => {
  pinClock('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 in Shanghai
  actAs('demo-community-staff');
  render(<AdminDashboard />);
  expect(rangeText()).toBe('统计区间：2026-12-03 至 2027-01-01');
  fireEvent.click(screen.getByTestId('range-year'));
  expect(rangeText()).toBe('统计区间：2027-01-01 至 2027-01-01');
  await screen.findByTestId('rate-response', undefined, slow);
  expect(screen.getByTestId('dashboard-unit').textContent).toBe('海岸社区');
});
