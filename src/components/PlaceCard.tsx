import { View, Text } from '@tarojs/components';
import type { ResolvedPlace } from '@contract/org';

export function PlaceCard({ place, title = '我的楼栋' }: { place: ResolvedPlace; title?: string }) {
  return (
    <View className="card" data-testid="place-card">
      <Text className="card__title">{title}</Text>
      <View className="row">
        <Text className="muted">楼栋</Text>
        <Text data-testid="building-name">
          {place.estate.name} {place.building.name}
        </Text>
      </View>
      <View className="row">
        <Text className="muted">网格</Text>
        <Text>
          {place.grid.name}
          {place.grid.workerName ? `（网格员 ${place.grid.workerName}）` : ''}
        </Text>
      </View>
      <View className="row">
        <Text className="muted">社区</Text>
        <Text>{place.community.name}</Text>
      </View>
      <View className="row">
        <Text className="muted">街道</Text>
        <Text>
          {place.district.name} {place.street.name}
        </Text>
      </View>
      {place.propertyCompany && (
        <View className="row">
          <Text className="muted">物业</Text>
          <Text>{place.propertyCompany.name}</Text>
        </View>
      )}
    </View>
  );
}
