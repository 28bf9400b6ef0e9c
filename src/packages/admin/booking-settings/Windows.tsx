import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, type BookingSettingsView } from '@contract/booking.constants';
import { api } from '@/api';
import { InfoRow } from '@/components/InfoRow';
import { TextField } from '@/components/TextField';

type Save = (label: string, call: () => Promise<BookingSettingsView>) => Promise<boolean>;

/** The next free window id: w1, w2, … */
const nextWindowId = (settings: BookingSettingsView) => {
  let n = settings.windows.length + 1;
  while (settings.windows.some((w) => w.id === `w${n}`)) n += 1;
  return `w${n}`;
};

/** 办事窗口: add one, or remove one no service, session or future booking still uses (the function says which). */
export function Windows({ settings, save, busy }: { settings: BookingSettingsView; save: Save; busy: boolean }) {
  const [name, setName] = useState('');
  const saveWindows = (label: string, windows: BookingSettingsView['windows']) =>
    save(label, () => api.booking.saveHours({ communityId: settings.community.id, version: settings.version, windows }));

  const add = async () => {
    if (await saveWindows('已添加窗口', [...settings.windows, { id: nextWindowId(settings), name: name.trim() }])) setName('');
  };
  const remove = async (id: string, windowName: string) => {
    const { confirm } = await Taro.showModal({ title: '删除窗口', content: `确定删除“${windowName}”吗？` });
    if (confirm) await saveWindows('已删除窗口', settings.windows.filter((w) => w.id !== id));
  };

  return (
    <View className="card" data-testid="windows">
      <Text className="card__title">办事窗口</Text>
      {settings.windows.map((w) => (
        <View key={w.id} className="item-top" data-testid="window" data-id={w.id}>
          <InfoRow label={w.id} value={w.name} />
          <Button size="small" fill="outline" disabled={busy || settings.windows.length === 1} onClick={() => void remove(w.id, w.name)} data-testid="window-remove">
            删除
          </Button>
        </View>
      ))}
      {settings.windows.length < BOOKING_LIMITS.windowsMax && (
        <>
          <TextField label="新窗口名称" kind="line" testId="window-name" path="windows" value={name} maxLength={BOOKING_LIMITS.nameMax} placeholder="例如：3号窗口（综合受理）" onChange={setName} />
          <Button block disabled={busy || name.trim().length === 0} onClick={() => void add()} data-testid="window-add">
            添加窗口
          </Button>
        </>
      )}
    </View>
  );
}
