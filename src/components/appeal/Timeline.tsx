import { View, Text } from '@tarojs/components';
import type { TimelineView } from '@contract/appeals';
import { formatTime } from '@/utils/time';
import { PhotoRow } from '../CloudImage';
import './appeal.scss';

/** The appeal's full story: 受理、流转、回复、办结、评价 … newest last. */
export function Timeline({ items }: { items: TimelineView[] }) {
  return (
    <View className="timeline" data-testid="timeline">
      {items.map((item, i) => (
        <View key={`${item.at}-${i}`} className={`timeline__item timeline__item--${item.kind}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__label">{item.label}</Text>
              <Text className="muted">{formatTime(item.at)}</Text>
            </View>
            <Text className="muted">{item.actorName}</Text>
            {item.text && <Text className="timeline__text">{item.text}</Text>}
            <PhotoRow photos={item.photos} />
          </View>
        </View>
      ))}
    </View>
  );
}
