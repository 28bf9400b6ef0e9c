import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Empty, Tag } from '@nutui/nutui-react-taro';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { PagedListView } from '@/components/PagedList';
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
    <View className="page">
      <View className="appeals__tabs">
        {(['own', 'followed'] as const).map((s) => (
          <Text key={s} className={`appeals__tab${scope === s ? ' appeals__tab--on' : ''}`} onClick={() => setScope(s)}>
            {s === 'own' ? '我反映的' : '我附议的'}
          </Text>
        ))}
      </View>
      <PagedListView
        list={list}
        endText={null}
        empty={<Empty title="还没有诉求" description={scope === 'own' ? '扫描楼栋码即可反映身边的问题' : '在“反映诉求”时点“我也遇到了”即可附议'} />}
        renderItem={(item) => (
          <View className="card appeal-list-item" data-testid="my-appeal" onClick={() => Taro.navigateTo({ url: routes.appeal(item.id) })}>
            <View className="appeal-list-item__top">
              <Text className="card__title">{item.categoryLabel}</Text>
              <Tag type={item.status === 'resolved' ? 'warning' : 'primary'}>{item.statusLabel}</Tag>
            </View>
            <Text>{item.excerpt}</Text>
            <Text className="muted">
              {item.buildingName} · {item.holderName} · {formatTime(item.filedAt)}
            </Text>
          </View>
        )}
      />
      <View className="actions">
        <Button block type="primary" onClick={() => Taro.navigateTo({ url: routes.appealNew() })}>
          反映新诉求
        </Button>
      </View>
    </View>
  );
}
