import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag } from '@/components/StatusTag';
import { usePagedList } from '@/hooks/usePagedList';
import '../shared/booking.scss';

type Scope = 'upcoming' | 'past';

export default function MyBookings() {
  const { params } = useRouter();
  const [scope, setScope] = useState<Scope>(params.scope === 'past' ? 'past' : 'upcoming');
  const list = usePagedList((page) => api.booking.mine({ scope, page, pageSize: 10 }), [scope]);

  useDidShow(() => list.reload(true));
  usePullDownRefresh(() => {
    list.reload(true);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(list.loadMore);

  return (
    <Page className="booking">
      <Chips<Scope>
        testId="scope"
        options={[
          { value: 'upcoming', label: '待办理' },
          { value: 'past', label: '已结束' },
        ]}
        value={scope}
        onChange={setScope}
      />
      <PagedListView
        list={list}
        testId="my-bookings"
        empty={<EmptyState title={scope === 'upcoming' ? '没有待办理的预约' : '还没有办理过的预约'} description="在“预约服务”里选择服务事项和时段即可预约" />}
        renderItem={(item) => (
          <View className="card jy-tap" data-testid="my-booking" data-id={item.id} ariaRole="link" onClick={() => void Taro.navigateTo({ url: routes.bookingDetail(item.id) })}>
            <View className="item-top">
              <Text className="card__title">{item.serviceName}</Text>
              <StatusTag tone={item.status === 'booked' || item.status === 'checked_in' ? 'primary' : 'neutral'}>{item.statusLabel}</StatusTag>
            </View>
            <Text>
              {item.slot.day} {item.slot.label}
              {item.slot.afterHours ? `（${item.slot.kindLabel}）` : ''}
            </Text>
            <Text className="muted">
              {item.community.name} {item.window.name} · 预约码 {item.code}
              {item.rating ? ` · 已评价：${item.rating.label}` : ''}
            </Text>
          </View>
        )}
      />
      <View className="button-stack">
        <Button block type="primary" onClick={() => void Taro.navigateTo({ url: routes.booking() })}>
          预约新的服务
        </Button>
      </View>
    </Page>
  );
}
