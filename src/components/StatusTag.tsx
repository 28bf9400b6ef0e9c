import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './StatusTag.scss';

export type TagTone = 'primary' | 'warning' | 'danger' | 'neutral';

/** A short status in words on a colour (each pair ≥ 4.5 : 1), sized by the page's tokens. */
export function StatusTag({ tone = 'primary', children }: { tone?: TagTone; children: ReactNode }) {
  return (
    <View className={`jy-tag jy-tag--${tone}`}>
      <Text>{children}</Text>
    </View>
  );
}
