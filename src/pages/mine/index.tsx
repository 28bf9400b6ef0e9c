import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@contract/contract';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { useRequest } from '@/hooks/useRequest';
import { mineEntries } from '@/modules';
import './index.scss';

export default function Mine() {
  const me = useRequest(() => api.users.me({}), []);
  return (
    <View className="page mine">
      <AsyncView state={me}>
        {(profile) => (
          <View>
            <View className="card mine__profile">
              <Text className="mine__name" data-testid="my-name">
                {profile.name}
              </Text>
              <View className="mine__roles">
                {profile.roles.map((role) => (
                  <Tag key={role} type="primary" plain>
                    {ROLE_LABELS[role]}
                  </Tag>
                ))}
              </View>
              {profile.household && <Text className="muted">住址：{profile.household.buildingName}{profile.household.room ? ` ${profile.household.room}` : ''}</Text>}
              {profile.jurisdiction && <Text className="muted">辖区：{profile.jurisdiction.unitNames.join('、')}</Text>}
              {profile.propertyCompany && <Text className="muted">物业公司：{profile.propertyCompany.name}</Text>}
            </View>
            <View className="card" data-testid="mine-entries">
              {/* NutUI's Cell drops data-* attributes: the test id sits on a wrapper. */}
              {mineEntries(profile).map((entry) => (
                <View key={entry.key} data-testid={`mine-${entry.key}`}>
                  <Cell title={entry.title} description={entry.description} clickable onClick={() => Taro.navigateTo({ url: entry.url })} />
                </View>
              ))}
            </View>
            <Button block onClick={() => Taro.reLaunch({ url: routes.home() })}>
              回到首页
            </Button>
          </View>
        )}
      </AsyncView>
    </View>
  );
}
