import { View, Text } from '@tarojs/components';
import './shared.scss';

/** Breadcrumbs of the org units drilled into: the root, then each unit; a tap goes back up to it. */
export function Trail<U extends { id: string; name: string }>({
  root,
  units,
  onChange,
  testId,
}: {
  root: string;
  units: readonly U[];
  /** The trail cut back to the tapped crumb (`[]` for the root). */
  onChange: (units: U[]) => void;
  testId?: string;
}) {
  const crumb = (current: boolean) => `trail__crumb${current ? ' trail__crumb--current' : ''}`;
  return (
    <View className="trail" data-testid={testId}>
      <Text className={crumb(units.length === 0)} onClick={() => onChange([])}>
        {root}
      </Text>
      {units.map((unit, i) => (
        <Text key={unit.id} className={crumb(i === units.length - 1)} onClick={() => onChange(units.slice(0, i + 1))}>
          {' › '}
          {unit.name}
        </Text>
      ))}
    </View>
  );
}
