import { Fragment } from 'react';
import { View, Text } from '@tarojs/components';
import { pressable } from './a11y';
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
  // The unit shown now is said as such and is not a control; the ones above it go back up.
  const current = { 'aria-current': 'page' };
  return (
    <View className="trail" ariaRole="navigation" ariaLabel="所在层级" data-testid={testId}>
      {units.length === 0 ? (
        <View className={crumb(true)} {...current}>
          <Text>{root}</Text>
        </View>
      ) : (
        <View className={crumb(false)} {...pressable(() => onChange([]))}>
          <Text>{root}</Text>
        </View>
      )}
      {units.map((unit, i) => (
        <Fragment key={unit.id}>
          <Text className="trail__sep" aria-hidden="true">
            ›
          </Text>
          {i === units.length - 1 ? (
            <View className={crumb(true)} {...current}>
              <Text>{unit.name}</Text>
            </View>
          ) : (
            <View className={crumb(false)} {...pressable(() => onChange(units.slice(0, i + 1)))}>
              <Text>{unit.name}</Text>
            </View>
          )}
        </Fragment>
      ))}
    </View>
  );
}
