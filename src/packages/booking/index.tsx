import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { CommunityServices } from '@contract/booking.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { EmptyState } from '@/components/EmptyState';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { useRequest } from '@/hooks/useRequest';
import { currentPlace } from '@/state/place';
import { Materials } from './shared/Materials';
import './shared/booking.scss';

/** The community's services: the bound household's community, else the building last scanned. */
async function loadServices(): Promise<CommunityServices> {
  try {
    return await api.booking.services({});
  } catch (err) {
    const place = currentPlace();
    if (err instanceof ApiError && err.code === 'INVALID_INPUT' && place) return api.booking.services({ buildingCode: place.building.code });
    throw err;
  }
}

export default function BookingEntry() {
  const state = useRequest(loadServices, []);
  return (
    <Page className="booking">
      <AsyncView
        state={state}
        errorAction={
          <Text className="muted" onClick={() => void Taro.reLaunch({ url: routes.home() })}>
            扫描楼栋码或在“我的”里绑定住址后即可预约
          </Text>
        }
      >
        {({ community, services, sessions }) => (
          <>
            <View className="card" data-testid="booking-community">
              <Text className="card__title">{community.name}</Text>
              <Text className="muted">
                不打烊服务：{sessions.map((s) => `${s.kindLabel}${s.name} ${s.start}–${s.end}`).join('；') || '暂无开放时段'}
              </Text>
              {community.phone && <Text className="muted">社区电话：{community.phone}</Text>}
            </View>
            <LinkRow title="我的预约" description="预约码、改约、取消和评价" onClick={() => void Taro.navigateTo({ url: routes.myBookings() })} testId="open-mine" />
            {services.length === 0 ? (
              <EmptyState title="暂无可预约的服务" description="社区还没有开放预约的服务事项" />
            ) : (
              services.map((service) => (
                <View key={service.id} className="card" data-testid="service" data-id={service.id}>
                  <Text className="card__title">{service.name}</Text>
                  {service.description && <Text className="muted">{service.description}</Text>}
                  <Text className="muted">
                    每次约 {service.minutes} 分钟{service.homeVisit ? ' · 可预约上门' : ''}
                  </Text>
                  <Text className="text-field__label">需带材料</Text>
                  <Materials items={service.materials} />
                  <LinkRow
                    title="选择时段预约"
                    onClick={() => void Taro.navigateTo({ url: routes.bookingService(community.id, service.id) })}
                    testId={`book-${service.id}`}
                  />
                </View>
              ))
            )}
          </>
        )}
      </AsyncView>
    </Page>
  );
}
