import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ResolvedPlace } from '@contract/org';
import './CallButtons.scss';

interface Call {
  key: 'grid' | 'community';
  label: string;
  who: string;
  phone: string;
}

/** The numbers a resident of this building may call: its grid worker, its community office. */
export function callsOf(place: ResolvedPlace): Call[] {
  const calls: Call[] = [];
  if (place.grid.workerPhone) {
    calls.push({ key: 'grid', label: '给网格员打电话', who: `网格员${place.grid.workerName ? ` ${place.grid.workerName}` : ''}`, phone: place.grid.workerPhone });
  }
  if (place.community.phone) calls.push({ key: 'community', label: '给社区打电话', who: place.community.name, phone: place.community.phone });
  return calls;
}

const dialable = (phone: string) => phone.replace(/[^\d+]/g, '');

function CallButton({ call }: { call: Call }) {
  const body = (
    <>
      <Text className="jy-call__label">{call.label}</Text>
      <Text className="jy-call__who">
        {call.who} {call.phone}
      </Text>
    </>
  );
  // H5: a tel: link (the phone's dialer); weapp: WeChat's call sheet.
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={`jy-call jy-call--${call.key} jy-tap`} href={`tel:${dialable(call.phone)}`} data-testid={`call-${call.key}`}>
        {body}
      </a>
    );
  }
  return (
    <View
      className={`jy-call jy-call--${call.key} jy-tap`}
      ariaRole="button"
      data-testid={`call-${call.key}`}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: dialable(call.phone) }).catch(() => undefined)}
    >
      {body}
    </View>
  );
}

/** One tap to call the building's grid worker or the community office; nothing when no number is known. */
export function CallButtons({ place, title = '有事打电话' }: { place: ResolvedPlace; title?: string }) {
  const calls = callsOf(place);
  if (calls.length === 0) return null;
  return (
    <View className="card jy-calls" data-testid="calls">
      <Text className="card__title">{title}</Text>
      <View className="jy-calls__list">
        {calls.map((call) => (
          <CallButton key={call.key} call={call} />
        ))}
      </View>
    </View>
  );
}
