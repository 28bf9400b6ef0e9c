import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { actAs } from '../../../../tests/support/componentEnv';
import { fileJobInCloud } from '../shared/fileJobCli';
import PostersPage from './index';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

it('a community worker chooses a grid of the community and the A5 layout, sees the batch queued, its progress, then downloads the PDF', async () => {
  const open = jest.fn();
  window.open = open as typeof window.open;
  actAs('demo-community-staff');
  render(<PostersPage />);

  // nothing chosen yet: the request waits for a scope
  fireEvent.click(await screen.findByTestId('request-posters', undefined, slow));
  expect(screen.getByTestId('scope-text').textContent).toBe('请选择街道、社区或网格');
  await screen.findByText('请先选择街道、社区或网格', undefined, slow);
  fireEvent.click(await screen.findByTestId('scope-0-c-haian', undefined, slow));
  expect(screen.getByTestId('scope-text').textContent).toBe('海岸社区的每栋楼各一张海报');
  fireEvent.click(await screen.findByTestId('scope-1-g-haian-2', undefined, slow));
  expect(screen.getByTestId('scope-text').textContent).toBe('海岸社区第二网格的每栋楼各一张海报');
  fireEvent.click(screen.getByTestId('layout-a5x2'));
  fireEvent.click(screen.getByTestId('request-posters'));

  const card = await waitFor(() => {
    const found = screen.getAllByTestId(/^batch-po/).find((el) => el.textContent?.includes('海岸社区第二网格') && el.textContent.includes('A5 两栋拼一张 A4'));
    if (!found) throw new Error('not listed yet');
    return found;
  }, slow);
  expect(card.textContent).toContain('网格呼应点 · 海岸社区第二网格');
  expect(card.textContent).toContain('排队中');
  expect(card.querySelector('[data-testid="batch-download"]')).toBeNull();

  const id = card.getAttribute('data-testid')!.replace(/^batch-/, '');
  fileJobInCloud('posterBatches', id, 'running', 3, '8');
  // the page looks again while a batch is pending
  await waitFor(() => expect(screen.getByTestId(`batch-${id}`).textContent).toContain('正在生成，已完成 3 / 8 栋'), slow);
  fileJobInCloud('posterBatches', id, 'done', 8, `posters/${id}.pdf`);
  await waitFor(() => expect(screen.getByTestId(`batch-${id}`).querySelector('[data-testid="batch-status"]')!.textContent).toBe('已完成'), slow);
  expect(screen.getByTestId(`batch-${id}`).textContent).toContain('共 8 栋');
  fireEvent.click(screen.getByTestId(`batch-${id}`).querySelector('[data-testid="batch-download"]')!);
  await waitFor(() => expect(open).toHaveBeenCalledTimes(1), slow);
  expect(String(open.mock.calls[0][0])).toContain(`posters/${id}.pdf`);
});
