import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Cell, Tag } from '@nutui/nutui-react-taro';
import { ORG_LEVEL_LABELS } from '@contract/org.constants';
import type { OrgUnitView } from '@contract/org';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { useRequest } from '@/hooks/useRequest';

/** Staff workbench: the caller's jurisdiction, browsable down to grids and buildings. */
export default function AdminHome() {
  const [trail, setTrail] = useState<OrgUnitView[]>([]);
  const parent = trail[trail.length - 1];
  const me = useRequest(() => api.users.me({}), []);
  const units = useRequest(() => api.org.listUnits({ parentId: parent?.id }), [parent?.id]);
  const buildings = useRequest(
    () => api.org.listBuildings({ unitId: parent!.id, page: 1, pageSize: 50 }),
    [parent?.id],
    parent?.level === 'grid',
  );

  return (
    <View className="page">
      <AsyncView state={me}>
        {(profile) => (
          <View className="card">
            <Text className="card__title">{profile.name}</Text>
            <Text className="muted">辖区：{profile.jurisdiction?.unitNames.join('、') ?? '无'}</Text>
          </View>
        )}
      </AsyncView>

      <View className="card">
        <Text className="card__title">组织架构</Text>
        <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', marginBottom: '12px' }}>
          <Text className="muted" onClick={() => setTrail([])}>
            我的辖区
          </Text>
          {trail.map((unit, i) => (
            <Text key={unit.id} className="muted" onClick={() => setTrail(trail.slice(0, i + 1))}>
              {' › '}
              {unit.name}
            </Text>
          ))}
        </View>
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
    </View>
  );
}
