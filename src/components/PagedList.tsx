import { Fragment, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PagedList } from '@/hooks/usePagedList';
import { ErrorView, LoadingView } from './AsyncView';
import './PagedList.scss';

/**
 * A list from `usePagedList`, page by page: loading, the first page's error with 重试, the empty
 * state, the items, then 加载更多 (which retries a failed later page) or the end.
 */
export function PagedListView<T extends { id: string }>({
  list,
  renderItem,
  empty,
  header,
  testId,
  endText = '已全部显示',
}: {
  list: PagedList<T>;
  renderItem: (item: T) => ReactNode;
  /** Shown instead of the items when there are none. */
  empty: ReactNode;
  /** Above the items once the first page is in (a count, say). */
  header?: ReactNode;
  /** On the items' container. */
  testId?: string;
  /** Said after the last page when there were items; `null` says nothing. */
  endText?: string | null;
}) {
  if (list.error) return <ErrorView message={list.error.message} onRetry={() => list.reload()} />;
  if (list.loading) return <LoadingView />;
  return (
    <View className="paged-list">
      {header}
      {list.items.length === 0 ? (
        empty
      ) : (
        <View data-testid={testId}>
          {list.items.map((item) => (
            <Fragment key={item.id}>{renderItem(item)}</Fragment>
          ))}
        </View>
      )}
      {list.moreError && <Text className="field-error paged-list__more-error">加载失败：{list.moreError.message}</Text>}
      {list.hasMore ? (
        <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={list.loadMore} data-testid="load-more">
          {list.loadingMore ? '加载中…' : list.moreError ? '重试加载' : `加载更多（已显示 ${list.items.length}/${list.total}）`}
        </Button>
      ) : (
        list.items.length > 0 && endText && <Text className="paged-list__end">{endText}</Text>
      )}
    </View>
  );
}
