import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag } from '@/components/StatusTag';
import { usePagedList } from '@/hooks/usePagedList';
import { formatTime } from '@/utils/time';
import '@/components/appeal/appeal.scss';

type Scope = 'own' | 'followed';

export default function MyAppeals() {
  const [scope, setScope] = useState<Scope>('own');
  const list = usePagedList((page) => api.appeals.mine({ scope, page, pageSize: 10 }), [scope]);

  useDidShow(() => list.reload(true));
  usePullDownRefresh(() => {
    list.reload(true);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(list.loadMore);

  return (
    <Page className="my-appeals">
      <View className="appeals__tabs" ariaRole="tablist">
        {(['own', 'followed'] as const).map((s) => (
          <View
            key={s}
            className={`appeals__tab jy-tap${scope === s ? ' appeals__tab--on' : ''}`}
            ariaRole="tab"
            aria-selected={scope === s}
            data-testid={`scope-${s}`}
            onClick={() => setScope(s)}
          >
            <Text>{s === 'own' ? '我反映的' : '我附议的'}</Text>
          </View>
        ))}
      </View>
      <PagedListView
        list={list}
        endText={null}
        empty={<EmptyState title="还没有诉求" description={scope === 'own' ? '扫描楼栋码即可反映身边的问题' : '在“反映诉求”时点“我也遇到了”即可附议'} />}
        renderItem={(item) => (
          <View className="card appeal-list-item jy-tap" data-testid="my-appeal" ariaRole="link" onClick={() => Taro.navigateTo({ url: routes.appeal(item.id) })}>
            <View className="appeal-list-item__top">
              <Text className="card__title">{item.categoryLabel}</Text>
              <StatusTag tone={item.status === 'resolved' ? 'warning' : 'primary'}>{item.statusLabel}</StatusTag>
            </View>
            <Text>{item.excerpt}</Text>
            <Text className="muted">
              {item.buildingName} · {item.holderName} · {formatTime(item.filedAt)}
            </Text>
            <Text className="appeal-list-item__go">查看详情 ›</Text>
          </View>
        )}
      />
      <View className="actions">
        <Button block type="primary" onClick={() => Taro.navigateTo({ url: routes.appealNew() })}>
          反映新诉求
        </Button>
      </View>
    </Page>
  );
}
