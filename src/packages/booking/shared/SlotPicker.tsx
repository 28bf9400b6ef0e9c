import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { SlotDay } from '@contract/booking.constants';
import { Chips } from '@/components/Chips';
import '@/components/Chips.scss';
import './booking.scss';

/** The day of a slot id ('YYYYMMDD-HHmm') as 'YYYY-MM-DD'. */
const dayOfSlot = (slotId: string | undefined) => (slotId ? `${slotId.slice(0, 4)}-${slotId.slice(4, 6)}-${slotId.slice(6, 8)}` : undefined);

/**
 * The next days' slots, one day at a time: the days as chips (a closed day says so), then the chosen
 * day's slots with the seats left, or why it is closed.
 */
export function SlotPicker({ days, value, onChange }: { days: readonly SlotDay[]; value: string | undefined; onChange: (slotId: string) => void }) {
  const firstOpen = days.find((d) => !d.closed && d.slots.some((s) => s.left > 0)) ?? days[0];
  const [chosen, setChosen] = useState<string | undefined>(dayOfSlot(value) ?? firstOpen?.day);
  const day = days.find((d) => d.day === chosen) ?? firstOpen;
  if (!day) return <Text className="muted">未来几天没有开放的时段</Text>;
  return (
    <View data-testid="slot-days">
      <Chips<string>
        testId="slot-day"
        options={days.map((d) => ({ value: d.day, label: `${d.day.slice(5)} ${d.weekdayLabel}${d.closed ? ' 不开放' : d.makeup ? ' 调休' : ''}` }))}
        value={day.day}
        onChange={setChosen}
      />
      <View className="booking__day" data-testid="slot-day" data-day={day.day}>
        <Text className="booking__day-title">
          {day.day} {day.weekdayLabel}
          {day.makeup ? '（调休上班）' : ''}
        </Text>
        {day.closed ? (
          <Text className="muted" data-testid="slot-day-closed">
            当天不开放：{day.closed}
          </Text>
        ) : day.slots.length === 0 ? (
          <Text className="muted">当天已无可约时段</Text>
        ) : (
          <View className="booking__slots">
            {day.slots.map((slot) => {
              const full = slot.left <= 0;
              const active = slot.id === value;
              return (
                <View
                  key={slot.id}
                  className={`chip jy-tap${active ? ' chip--active' : ''}${full ? ' chip--disabled' : ''}`}
                  ariaRole="button"
                  data-testid={`slot-${slot.id}`}
                  data-kind={slot.kind}
                  data-active={active ? 'true' : 'false'}
                  onClick={() => !full && onChange(slot.id)}
                >
                  <Text>
                    {slot.label}
                    {slot.kind !== 'regular' ? ` ${slot.kindLabel}` : ''} · {full ? '已约满' : `余${slot.left}`}
                  </Text>
                </View>
              );
            })}
          </View>
        )}
      </View>
    </View>
  );
}
