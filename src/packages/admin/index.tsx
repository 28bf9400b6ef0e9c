import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Cell, Tag } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { ORG_LEVEL_LABELS } from '@contract/org.constants';
import type { OrgUnitView } from '@contract/org';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { useRequest } from '@/hooks/useRequest';
import { workEntries } from '@/modules';
import { pressable, StaffPage } from './shared/a11y';
import { Trail } from './shared/Trail';
import './index.scss';

/** Staff workbench: every module's entries the caller may use, and the jurisdiction down to buildings. */
export default function AdminHome() {
  const [trail, setTrail] = useState<OrgUnitView[]>([]);
  const parent = trail[trail.length - 1];
  const me = useRequest(() => api.users.me({}), []);
  // Property staff have no org jurisdiction: they get the inbox only.
  const hasJurisdiction = Boolean(me.data?.jurisdiction);
  // Deadlines are counted on the holiday calendar: staff hear when next year's official schedule is missing.
  const calendar = useRequest(() => api.org.calendarStatus({}), [], Boolean(me.data?.isStaff));
  const canEnterSchedule = Boolean(me.data?.roles.includes('district_commander'));
  const units = useRequest(() => api.org.listUnits({ parentId: parent?.id }), [parent?.id], hasJurisdiction);
  const buildings = useRequest(
    () => api.org.listBuildings({ unitId: parent!.id, page: 1, pageSize: 50 }),
    [parent?.id],
    parent?.level === 'grid',
  );

  return (
    <StaffPage title="工作台">
      <AsyncView state={me}>
        {(profile) => (
          <>
            <View className="card">
              <Text className="card__title">{profile.name}</Text>
              <Text className="muted">
                {profile.propertyCompany ? `物业：${profile.propertyCompany.name}` : `辖区：${profile.jurisdiction?.unitNames.join('、') ?? '无'}`}
              </Text>
            </View>
            <View className="card admin-home__entries" data-testid="work-entries">
              {workEntries(profile).map((entry) => (
                <View key={entry.key} className="admin-home__entry" data-testid={`entry-${entry.key}`} {...pressable(() => void Taro.navigateTo({ url: entry.url }), 'link')}>
                  <Text className="admin-home__entry-label">{entry.label}</Text>
                  <Text className="muted">{entry.hint}</Text>
                </View>
              ))}
              {!profile.isStaff && <Text className="muted">您还不是工作人员，没有可办理的事项。</Text>}
            </View>
          </>
        )}
      </AsyncView>

      {calendar.data?.warning && (
        <View className="card admin-home__warning" role="alert" data-testid="calendar-warning">
          <Text>{calendar.data.warning}</Text>
          <View className="admin-home__warning-link" {...pressable(() => void Taro.navigateTo({ url: routes.holidayCalendar() }), 'link')}>
            <Text>{canEnterSchedule ? '去录入放假安排' : '查看节假日安排（录入请联系区市管理员）'}</Text>
          </View>
        </View>
      )}

      {hasJurisdiction && (
        <View className="card">
          <Text className="card__title">组织架构</Text>
          <Trail root="我的辖区" units={trail} onChange={setTrail} />
          {parent?.level === 'grid' ? (
            <AsyncView state={buildings}>
              {(page) => (
                <View>
                  <Text className="muted">共 {page.total} 栋</Text>
                  {page.items.map((b) => (
                    <Cell key={b._id} title={b.name} description={b.address} extra={b.code} />
                  ))}
                </View>
              )}
            </AsyncView>
          ) : (
            <AsyncView state={units}>
              {(list) => (
                <View data-testid="unit-list">
                  {list.length === 0 && <Text className="muted">暂无下级单位</Text>}
                  {list.map((unit) => (
                    <Cell
                      key={unit.id}
                      title={unit.name}
                      extra={<Tag plain>{ORG_LEVEL_LABELS[unit.level]}</Tag>}
                      description={unit.level === 'grid' ? '查看楼栋' : `下级 ${unit.childCount} 个`}
                      clickable
                      onClick={() => setTrail([...trail, unit])}
                    />
                  ))}
                </View>
              )}
            </AsyncView>
          )}
        </View>
      )}
    </StaffPage>
  );
}
