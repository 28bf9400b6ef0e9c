import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import type { RequestState } from '@/hooks/useRequest';
import './AsyncView.scss';

export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="async-view" data-testid="loading">
      <Loading type="circular">{text}</Loading>
    </View>
  );
}

export function ErrorView({ message, onRetry, action }: { message: string; onRetry?: () => void; action?: ReactNode }) {
  return (
    <View className="async-view async-view--error" data-testid="error">
      <Text className="async-view__message">{message}</Text>
      <View className="async-view__actions">
        {onRetry && (
          <Button size="small" type="primary" onClick={onRetry}>
            重试
          </Button>
        )}
        {action}
      </View>
    </View>
  );
}

/** Loading, then the error in words, then the content. */
export function AsyncView<T>({ state, children, errorAction }: { state: RequestState<T>; children: (data: T) => ReactNode; errorAction?: ReactNode }) {
  if (state.error) return <ErrorView message={state.error.message} onRetry={state.reload} action={errorAction} />;
  if (state.loading || state.data === undefined) return <LoadingView />;
  return <>{children(state.data)}</>;
}
