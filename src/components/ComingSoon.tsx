import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';
import { routes } from '@contract/routes';

/** An honest placeholder for a service that is not open yet. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <View className="page" data-testid="coming-soon">
      <Empty title={`${title}即将开放`} description={description} />
      <Text className="muted" style={{ display: 'block', textAlign: 'center', margin: '24px 0' }}>
        如有急事，请联系所在社区工作站。
      </Text>
      <Button block onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.home() }))}>
        返回
      </Button>
    </View>
  );
}
