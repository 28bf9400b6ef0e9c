import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { actAs } from '../../../../tests/support/componentEnv';
import { fileJobInCloud } from '../shared/fileJobCli';
import LedgerPage from './index';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

/** The timer job's stand-in: the component cloud runs no timers. */
const finishInCloud = (id: string, rows: number) => fileJobInCloud('exports', id, 'done', rows, `exports/${id}.xlsx`);

it('a community worker asks for the ledger with filters, sees it queued, then downloads it once written', async () => {
  const open = jest.fn();
  window.open = open as typeof window.open;
  actAs('demo-community-staff');
  render(<LedgerPage />);
  fireEvent.click(await screen.findByTestId('status-processing', undefined, slow));
  fireEvent.click(screen.getByTestId('overdue-overdue'));
  fireEvent.click(screen.getByTestId('request-export'));

  const card = await waitFor(() => {
    const found = screen.getAllByTestId(/^export-ex/).find((el) => el.textContent?.includes('办理中 · 已超时'));
    if (!found) throw new Error('not listed yet');
    return found;
  }, slow);
  expect(card.textContent).toContain('诉求台账 · 海岸社区');
  expect(card.textContent).toContain('排队中');
  expect(card.textContent).toContain('等待生成');
  expect(card.querySelector('[data-testid="export-download"]')).toBeNull();

  const id = card.getAttribute('data-testid')!.replace(/^export-/, '');
  finishInCloud(id, 42);
  // the page looks again while a file is pending
  await waitFor(() => expect(screen.getByTestId(`export-${id}`).textContent).toContain('已完成'), slow);
  expect(screen.getByTestId(`export-${id}`).textContent).toContain('共 42 行');
  fireEvent.click(screen.getByTestId(`export-${id}`).querySelector('[data-testid="export-download"]')!);
  await waitFor(() => expect(open).toHaveBeenCalledTimes(1), slow);
  expect(String(open.mock.calls[0][0])).toContain(`exports/${id}.xlsx`);
});

it('asks for the bookings ledger with its own filters', async () => {
  actAs('demo-community-staff');
  render(<LedgerPage />);
  fireEvent.click(await screen.findByTestId('kind-bookings', undefined, slow));
  expect(screen.getByTestId('range-text').textContent).toContain('预约日期');
  expect(screen.queryByTestId('category-any')).toBeNull();
  fireEvent.click(screen.getByTestId('booking-status-booked'));
  fireEvent.click(screen.getByTestId('mode-window'));
  fireEvent.click(screen.getByTestId('request-export'));
  await waitFor(() => {
    const found = screen.getAllByTestId(/^export-ex/).find((el) => el.textContent?.includes('已预约 · 窗口办理'));
    if (!found) throw new Error('not listed yet');
    expect(found.textContent).toContain('预约台账 · 海岸社区');
  }, slow);
});

it('asks for the council ledger by stage and scope', async () => {
  actAs('demo-community-staff');
  render(<LedgerPage />);
  fireEvent.click(await screen.findByTestId('kind-councilMatters', undefined, slow));
  expect(screen.getByTestId('range-text').textContent).toContain('提出日期');
  expect(screen.queryByTestId('booking-status-booked')).toBeNull();
  fireEvent.click(screen.getByTestId('matter-stage-voting'));
  fireEvent.click(screen.getByTestId('matter-scope-building'));
  fireEvent.click(screen.getByTestId('request-export'));
  await waitFor(() => {
    const found = screen.getAllByTestId(/^export-ex/).find((el) => el.textContent?.includes('表决中 · 本楼栋'));
    if (!found) throw new Error('not listed yet');
    expect(found.textContent).toContain('议事台账 · 海岸社区');
  }, slow);
});

it('asks for the volunteer ledger by activity type, corrected records only', async () => {
  actAs('demo-community-staff');
  render(<LedgerPage />);
  fireEvent.click(await screen.findByTestId('kind-volunteerHours', undefined, slow));
  expect(screen.getByTestId('range-text').textContent).toContain('活动日期');
  fireEvent.click(screen.getByTestId('activity-type-care'));
  fireEvent.click(screen.getByTestId('corrected-corrected'));
  fireEvent.click(screen.getByTestId('request-export'));
  await waitFor(() => {
    const found = screen.getAllByTestId(/^export-ex/).find((el) => el.textContent?.includes('邻里情 · 经更正'));
    if (!found) throw new Error('not listed yet');
    expect(found.textContent).toContain('志愿服务台账 · 海岸社区');
  }, slow);
});
