import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Empty, Tag } from '@nutui/nutui-react-taro';
import type { AppealSummary, Page } from '@contract/appeals';
import { api } from '@/api';
import { ErrorView, LoadingView } from '@/components/AsyncView';
import { toApiError, type ApiError } from '@/api/errors';
import { formatTime } from '@/utils/format';
import '@/components/appeal/appeal.scss';

type Scope = 'own' | 'followed';
const PAGE_SIZE = 10;

export default function MyAppeals() {
  const [scope, setScope] = useState<Scope>('own');
  const [pages, setPages] = useState<Page<AppealSummary>[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();

  const load = async (nextScope: Scope, page: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const result = await api.appeals.mine({ scope: nextScope, page, pageSize: PAGE_SIZE });
      setPages((prev) => (page === 1 ? [result] : [...prev, result]));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setLoading(false);
      Taro.stopPullDownRefresh();
    }
  };

  useDidShow(() => void load(scope, 1));
  usePullDownRefresh(() => void load(scope, 1));
  const switchScope = (next: Scope) => {
    setScope(next);
    setPages([]);
    void load(next, 1);
  };

  const items = pages.flatMap((p) => p.items);
  const last = pages[pages.length - 1];
  const more = last ? last.page * last.pageSize < last.total : false;

  return (
    <View className="page">
      <View className="appeals__tabs">
        {(['own', 'followed'] as const).map((s) => (
          <Text key={s} className={`appeals__tab${scope === s ? ' appeals__tab--on' : ''}`} onClick={() => switchScope(s)}>
            {s === 'own' ? '我反映的' : '我附议的'}
          </Text>
        ))}
      </View>
      {items.map((item) => (
        <View key={item.id} className="card appeal-list-item" data-testid="my-appeal" onClick={() => Taro.navigateTo({ url: `/pages/appeal/index?id=${item.id}` })}>
          <View className="appeal-list-item__top">
            <Text className="card__title">{item.categoryLabel}</Text>
            <Tag type={item.status === 'resolved' ? 'warning' : 'primary'}>{item.statusLabel}</Tag>
          </View>
          <Text>{item.excerpt}</Text>
          <Text className="muted">
            {item.buildingName} · {item.holderName} · {formatTime(item.filedAt)}
          </Text>
        </View>
      ))}
      {loading && <LoadingView />}
      {error && <ErrorView message={error.message} onRetry={() => void load(scope, (last?.page ?? 0) + 1)} />}
      {!loading && !error && items.length === 0 && (
        <Empty title="还没有诉求" description={scope === 'own' ? '扫描楼栋码即可反映身边的问题' : '在“反映诉求”时点“我也遇到了”即可附议'} />
      )}
      {more && !loading && (
        <Button block onClick={() => void load(scope, last.page + 1)}>
          加载更多（共 {last.total} 条）
        </Button>
      )}
      <View className="actions">
        <Button block type="primary" onClick={() => Taro.navigateTo({ url: '/pages/appeal-new/index' })}>
          反映新诉求
        </Button>
      </View>
    </View>
  );
}
