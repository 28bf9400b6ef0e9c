import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { REQUIREMENT_LABELS, type ActivitySummary } from '@contract/volunteer.constants';
import type { Route } from '@contract/routes';
import { StatusTag } from '@/components/StatusTag';
import { formatTime } from '@/utils/time';

/** One activity in a list: title, type, time, place, seats left or the waiting list. */
export function ActivityCard({ activity: a, url }: { activity: ActivitySummary; url: Route }) {
  const left = a.capacity - a.signedUp;
  return (
    <View className="card jy-tap" data-testid="activity" data-id={a.id} ariaRole="link" onClick={() => void Taro.navigateTo({ url })}>
      <View className="item-top">
        <Text className="card__title">{a.title}</Text>
        <StatusTag tone={a.status === 'published' ? 'primary' : 'neutral'}>{a.status === 'published' ? a.typeLabel : a.statusLabel}</StatusTag>
      </View>
      <Text className="muted">
        {formatTime(a.start)} – {formatTime(a.end).slice(11)} · {a.place}
      </Text>
      <Text className="muted">
        {a.teamName} · {left > 0 ? `还剩${left}个名额（共${a.capacity}人）` : `名额已满，候补${a.waiting}人`}
        {a.requirements.length ? ` · ${a.requirements.map((r) => REQUIREMENT_LABELS[r]).join('、')}` : ''}
      </Text>
    </View>
  );
}
