import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './EmptyState.scss';

/** Nothing here yet, said in words (no picture to decode), sized by the page's tokens. */
export function EmptyState({ title, description, testId }: { title: string; description?: ReactNode; testId?: string }) {
  return (
    <View className="card jy-empty" data-testid={testId}>
      <Text className="jy-empty__title">{title}</Text>
      {description && <Text className="jy-empty__description">{description}</Text>}
    </View>
  );
}
