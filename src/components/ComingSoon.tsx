import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { routes } from '@contract/routes';
import { currentPlace } from '@/state/place';
import { CallButtons } from './CallButtons';
import { EmptyState } from './EmptyState';
import { Page } from './Page';

/** An honest placeholder for a service that is not open yet, built in the kit's `Page` like every page. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  const place = currentPlace();
  return (
    <Page testId="coming-soon">
      <EmptyState title={`${title}即将开放`} description={description} />
      <Text className="muted coming-soon__hint" style={{ display: 'block', textAlign: 'center', margin: '24px 0' }}>
        如有急事，请联系所在社区工作站。
      </Text>
      {place && <CallButtons place={place} />}
      <Button block onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.home() }))}>
        返回
      </Button>
    </Page>
  );
}
