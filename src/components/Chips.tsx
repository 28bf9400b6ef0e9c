import { View, Text } from '@tarojs/components';
import './Chips.scss';

export interface ChipOption<V> {
  value: V;
  label: string;
}

/** A row of choices, one active: scope tabs, filters, routing targets. */
export function Chips<V extends string | number | null>({
  options,
  value,
  onChange,
  testId,
  disabled,
}: {
  options: ReadonlyArray<ChipOption<V>>;
  value: V;
  onChange: (value: V) => void;
  /** Each chip gets `data-testid="<testId>-<value ?? 'any'>"`. */
  testId: string;
  disabled?: boolean;
}) {
  return (
    <View className="chips">
      {options.map((option) => {
        const active = option.value === value;
        return (
          <View
            key={String(option.value)}
            className={`chip${active ? ' chip--active' : ''}${disabled ? ' chip--disabled' : ''}`}
            data-testid={`${testId}-${option.value ?? 'any'}`}
            data-active={active ? 'true' : 'false'}
            onClick={() => !disabled && !active && onChange(option.value)}
          >
            <Text>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** One on/off chip (已超期, 即将超期). */
export function ToggleChip({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId: string }) {
  return (
    <View
      className={`chip chip--toggle${checked ? ' chip--active' : ''}`}
      data-testid={testId}
      data-active={checked ? 'true' : 'false'}
      onClick={() => onChange(!checked)}
    >
      <Text>{checked ? '✓ ' : ''}{label}</Text>
    </View>
  );
}
