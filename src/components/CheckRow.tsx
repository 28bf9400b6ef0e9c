import { View, Text } from '@tarojs/components';
import './CheckRow.scss';

/** A yes/no choice as a whole tappable row: a drawn box, ✓ when on, and its words. */
export function CheckRow({ label, checked, onChange, testId, disabled }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId?: string; disabled?: boolean }) {
  return (
    <View
      className={`check-row jy-tap${checked ? ' check-row--on' : ''}`}
      ariaRole="checkbox"
      ariaLabel={label}
      aria-checked={checked}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => !disabled && onChange(!checked)}
    >
      <View className="check-row__box" aria-hidden="true">
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text className="check-row__label">{label}</Text>
    </View>
  );
}
