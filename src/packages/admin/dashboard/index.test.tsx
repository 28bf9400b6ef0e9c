import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { actAs } from '../../../../tests/support/componentEnv';
import { fileAppeal, marker } from '../shared/testing';
import AdminDashboard from './index';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

it('shows the community’s rates and counts, and drills into a grid', async () => {
  await fileAppeal(marker('看板'));
  actAs('demo-community-staff');
  render(<AdminDashboard />);

  const response = await screen.findByTestId('rate-response', undefined, slow);
  expect(screen.getByTestId('dashboard-unit').textContent).toBe('海岸社区');
  expect(response.textContent).toMatch(/^\d+(\.\d)?%$/);
  for (const key of ['resolution', 'satisfaction', 'onTimeResolution']) {
    expect(screen.getByTestId(`rate-${key}`).textContent).toMatch(/^(\d+(\.\d)?%|—)$/);
  }
  expect(Number(screen.getByTestId('count-received').textContent)).toBeGreaterThan(0);
  expect(screen.getByTestId('range-text').textContent).toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);

  const child = screen.getAllByTestId('child-row').find((row) => row.textContent?.includes('第一网格'));
  expect(child).toBeDefined();
  fireEvent.click(child!);
  await waitFor(() => expect(screen.getByTestId('dashboard-unit').textContent).toContain('第一网格'), slow);
  expect(screen.getByTestId('trail').textContent).toContain('海岸社区');

  fireEvent.click(screen.getByTestId('range-7d'));
  await screen.findByTestId('rate-response', undefined, slow);
  expect(screen.getByTestId('range-7d').getAttribute('data-active')).toBe('true');
});
