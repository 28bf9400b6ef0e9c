import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@contract/contract';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { useRequest } from '@/hooks/useRequest';
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
            <View className="card">
              {profile.isStaff && (
                <Cell title="工作台" description="辖区诉求、组织架构" clickable onClick={() => Taro.navigateTo({ url: '/packages/admin/index' })} data-testid="open-admin" />
              )}
              <Cell title="我的诉求" description="进度、评价" clickable onClick={() => Taro.navigateTo({ url: '/pages/appeals/index' })} />
              <Cell title="预约服务" clickable onClick={() => Taro.navigateTo({ url: '/packages/booking/index' })} />
              <Cell title="志愿服务" clickable onClick={() => Taro.navigateTo({ url: '/packages/volunteer/index' })} />
              <Cell title="家园议事" clickable onClick={() => Taro.navigateTo({ url: '/packages/council/index' })} />
            </View>
            <Button block onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>
              回到首页
            </Button>
          </View>
        )}
      </AsyncView>
    </View>
  );
}
