import { View, Text } from '@tarojs/components';

/** A label on the left, its text on the right: the rows of the detail cards. */
export function InfoRow({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="row">
      <Text className="muted">{label}</Text>
      <Text data-testid={testId}>{value}</Text>
    </View>
  );
}
