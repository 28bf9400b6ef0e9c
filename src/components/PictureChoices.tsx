import { View, Text } from '@tarojs/components';
import './PictureChoices.scss';

export interface PictureOption<V extends string> {
  value: V;
  label: string;
  /** One character drawn large in a coloured disc: the picture (no emoji, no image to load). */
  glyph: string;
  /** The disc's colour; white on it must reach 4.5 : 1. */
  color: string;
}

/**
 * Large pictured choices, each a picture with its words: a grid of tiles, in 长辈版 one tile a row.
 * One tap chooses. Each tile gets `data-testid="<testId>-<value>"` and `data-active`.
 */
export function PictureChoices<V extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: ReadonlyArray<PictureOption<V>>;
  value: V | null;
  onChange: (value: V) => void;
  testId: string;
}) {
  return (
    <View className="picture-choices" ariaRole="radiogroup">
      {options.map((option) => {
        const active = option.value === value;
        return (
          <View
            key={option.value}
            className={`picture-choice jy-tap${active ? ' picture-choice--active' : ''}`}
            ariaRole="radio"
            ariaLabel={option.label}
            aria-checked={active}
            data-testid={`${testId}-${option.value}`}
            data-active={active ? 'true' : 'false'}
            onClick={() => onChange(option.value)}
          >
            <View className="picture-choice__picture" style={{ background: option.color }} aria-hidden="true">
              <Text>{option.glyph}</Text>
            </View>
            <Text className="picture-choice__label">{option.label}</Text>
            {active && <Text className="picture-choice__check">已选</Text>}
          </View>
        );
      })}
    </View>
  );
}
