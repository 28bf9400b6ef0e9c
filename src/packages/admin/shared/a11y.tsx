import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { focusableRoot } from '@/components/a11y';

export { pressable } from '@/components/a11y';

/**
 * A staff page's root: the page's main content, named by the page's title. In H5 it can take the
 * focus, so a keyboard can scroll the page (Taro's page container scrolls, and the buttons Taro
 * draws in the browser cannot be reached with Tab).
 */
export function StaffPage({ title, className, testId, children }: { title: string; className?: string; testId?: string; children: ReactNode }) {
  return (
    <View className={`page${className ? ` ${className}` : ''}`} ariaRole="main" ariaLabel={title} data-testid={testId} {...focusableRoot()}>
      {children}
    </View>
  );
}
