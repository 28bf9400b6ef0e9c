import { fireEvent, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { ApiError } from '@/api/errors';
import type { PagedList } from '@/hooks/usePagedList';
import { PagedListView } from './PagedList';

type Item = { id: string; name: string };

const list = (patch: Partial<PagedList<Item>>): PagedList<Item> => ({
  items: [],
  total: 0,
  loading: false,
  error: undefined,
  loadingMore: false,
  moreError: undefined,
  hasMore: false,
  loadMore: jest.fn(),
  reload: jest.fn(),
  ...patch,
});

const view = (state: PagedList<Item>) =>
  render(
    <PagedListView
      list={state}
      testId="items"
      header={<Text data-testid="total">共 {state.total} 条</Text>}
      empty={<Text data-testid="empty">暂无</Text>}
      renderItem={(item) => <Text data-testid="item">{item.name}</Text>}
    />,
  );

it('shows loading, then the first page’s error with 重试', () => {
  const loading = view(list({ loading: true }));
  expect(screen.getByTestId('loading')).toBeTruthy();
  loading.unmount();

  const state = list({ error: new ApiError('NETWORK', '') });
  view(state);
  expect(screen.getByTestId('error').textContent).toContain('网络连接失败');
  fireEvent.click(screen.getByText('重试'));
  expect(state.reload).toHaveBeenCalled();
});

it('shows the empty state, or the items with 加载更多 until the end', () => {
  const empty = view(list({}));
  expect(screen.getByTestId('empty')).toBeTruthy();
  expect(screen.queryByTestId('load-more')).toBeNull();
  empty.unmount();

  const more = list({ items: [{ id: '1', name: '甲' }], total: 2, hasMore: true });
  const first = view(more);
  expect(screen.getAllByTestId('item').map((el) => el.textContent)).toEqual(['甲']);
  expect(screen.getByTestId('load-more').textContent).toContain('已显示 1/2');
  fireEvent.click(screen.getByTestId('load-more'));
  expect(more.loadMore).toHaveBeenCalled();
  first.unmount();

  view(list({ items: [{ id: '1', name: '甲' }, { id: '2', name: '乙' }], total: 2 }));
  expect(screen.getByText('已全部显示')).toBeTruthy();
});

it('keeps the items when a later page fails, and retries it from the button', () => {
  view(list({ items: [{ id: '1', name: '甲' }], total: 2, hasMore: true, moreError: new ApiError('NETWORK', '') }));
  expect(screen.getAllByTestId('item')).toHaveLength(1);
  expect(screen.getByText(/加载失败/)).toBeTruthy();
  expect(screen.getByTestId('load-more').textContent).toContain('重试加载');
});
