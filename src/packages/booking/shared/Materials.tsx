import { View, Text } from '@tarojs/components';
import './booking.scss';

/** 材料清单: what to bring, one line each. */
export function Materials({ items, testId = 'materials' }: { items: readonly string[]; testId?: string }) {
  if (items.length === 0) return <Text className="muted">无需携带材料</Text>;
  return (
    <View className="booking__materials" data-testid={testId}>
      {items.map((item, i) => (
        <Text key={item} className="booking__material">
          {i + 1}. {item}
        </Text>
      ))}
    </View>
  );
}
