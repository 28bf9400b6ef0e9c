import { View, Text } from '@tarojs/components';
import { pressable } from './a11y';
import './LinkRow.scss';

/** A row that opens a page: its title, an optional line under it, and 进入 in words. */
export function LinkRow({ title, description, onClick, testId }: { title: string; description?: string; onClick: () => void; testId?: string }) {
  return (
    <View className="jy-link-row jy-tap" {...pressable(onClick, 'link')} data-testid={testId}>
      <View className="jy-link-row__words">
        <Text className="jy-link-row__title">{title}</Text>
        {description && <Text className="jy-link-row__description">{description}</Text>}
      </View>
      <Text className="jy-link-row__go">进入 ›</Text>
    </View>
  );
}
