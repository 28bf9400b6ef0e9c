import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@contract/contract';
import { routes } from '@contract/routes';
import { AsyncView } from '@/components/AsyncView';
import { ElderModeSwitch } from '@/components/ElderModeSwitch';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { useRequest } from '@/hooks/useRequest';
import { mineEntries } from '@/modules';
import { loadMe } from '@/state/preferences';
import './index.scss';

export default function Mine() {
  // loadMe also takes the user's 长辈版 setting from the server into this device's cache.
  const me = useRequest(loadMe, []);
  return (
    <Page className="mine">
      <AsyncView state={me}>
        {(profile) => (
          <View>
            <View className="card mine__profile">
              <Text className="mine__name" data-testid="my-name">
                {profile.name}
              </Text>
              <View className="mine__roles">
                {profile.roles.map((role) => (
                  <StatusTag key={role} tone="neutral">
                    {ROLE_LABELS[role]}
                  </StatusTag>
                ))}
              </View>
              {profile.household && <Text className="muted">住址：{profile.household.buildingName}{profile.household.room ? ` ${profile.household.room}` : ''}</Text>}
              {profile.jurisdiction && <Text className="muted">辖区：{profile.jurisdiction.unitNames.join('、')}</Text>}
              {profile.propertyCompany && <Text className="muted">物业公司：{profile.propertyCompany.name}</Text>}
            </View>
            <ElderModeSwitch />
            <View className="card" data-testid="mine-entries">
              {mineEntries(profile).map((entry) => (
                <LinkRow key={entry.key} testId={`mine-${entry.key}`} title={entry.title} description={entry.description} onClick={() => void Taro.navigateTo({ url: entry.url })} />
              ))}
            </View>
            <Button block onClick={() => Taro.reLaunch({ url: routes.home() })}>
              回到首页
            </Button>
          </View>
        )}
      </AsyncView>
    </Page>
  );
}
