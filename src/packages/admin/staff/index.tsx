import { Text } from '@tarojs/components';
import { Page } from '@/components/Page';

export default function Placeholder() {
  return (
    <Page>
      <Text>加载中</Text>
    </Page>
  );
}
