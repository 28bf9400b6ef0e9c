import { View, Text } from '@tarojs/components';
import type { SlotDay } from '@contract/booking.constants';
import '@/components/Chips.scss';
import './booking.scss';

/** The next days' slots, a day at a time: closed days with their reason, each slot with its seats left. */
export function SlotPicker({ days, value, onChange }: { days: readonly SlotDay[]; value: string | undefined; onChange: (slotId: string) => void }) {
  return (
    <View data-testid="slot-days">
      {days.map((day) => (
        <View key={day.day} className="booking__day" data-testid="slot-day" data-day={day.day}>
          <Text className="booking__day-title">
            {day.day} {day.weekdayLabel}
            {day.makeup ? '（调休上班）' : ''}
          </Text>
          {day.closed ? (
            <Text className="muted" data-testid="slot-day-closed">
              {' '}
              不开放：{day.closed}
            </Text>
          ) : day.slots.length === 0 ? (
            <Text className="muted"> 已无可约时段</Text>
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
                    ariaLabel={`${day.day} ${slot.label} ${slot.kindLabel} ${full ? '已约满' : `剩余${slot.left}个`}`}
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
      ))}
    </View>
  );
}
