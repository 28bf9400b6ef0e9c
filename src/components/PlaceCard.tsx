import { View, Text } from '@tarojs/components';
import type { ResolvedPlace } from '@contract/org';
import { InfoRow } from './InfoRow';

export function PlaceCard({ place, title = '我的楼栋' }: { place: ResolvedPlace; title?: string }) {
  return (
    <View className="card" data-testid="place-card">
      <Text className="card__title">{title}</Text>
      <InfoRow label="楼栋" value={`${place.estate.name} ${place.building.name}`} testId="building-name" />
      <InfoRow label="网格" value={`${place.grid.name}${place.grid.workerName ? `（网格员 ${place.grid.workerName}）` : ''}`} />
      <InfoRow label="社区" value={place.community.name} />
      <InfoRow label="街道" value={`${place.district.name} ${place.street.name}`} />
      {place.propertyCompany && <InfoRow label="物业" value={place.propertyCompany.name} />}
    </View>
  );
}
