import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COUNCIL_LIMITS, type MatterView } from '@contract/council.constants';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { today } from '@/utils/time';

/** 议事: the meetings held about the matter with their minutes; staff record one while it is on the agenda. */
export function Meetings({ m, onDone }: { m: MatterView; onDone: (m: MatterView) => void }) {
  const [day, setDay] = useState(today);
  const [place, setPlace] = useState('');
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (m.meetings.length === 0 && !m.can.minutes) return null;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.council.minutes({ id: m.id, version: m.version, day, place, minutes }));
      toast('已登记会议纪要');
      setPlace('');
      setMinutes('');
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="meetings">
      <Text className="card__title">议事会议</Text>
      {m.meetings.map((x, i) => (
        <View key={i} className="council__comment" data-testid="meeting">
          <Text className="council__meta">
            {x.day} · {x.place} · 记录人 {x.by}
          </Text>
          <Text className="council__body">{x.minutes}</Text>
        </View>
      ))}
      {m.can.minutes && (
        <>
          <TextField label="会议日期（如 2026-12-05）" kind="line" testId="meeting-day" path="day" error={error} value={day} maxLength={10} onChange={setDay} />
          <TextField label="会议地点" kind="line" testId="meeting-place" path="place" error={error} value={place} maxLength={COUNCIL_LIMITS.placeMax} onChange={setPlace} />
          <TextField label="会议纪要" kind="tall" testId="meeting-minutes" path="minutes" error={error} value={minutes} maxLength={COUNCIL_LIMITS.minutesMax} onChange={setMinutes} />
          {error && error.issues.length === 0 && <Text className="field-error">{error.message}</Text>}
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="meeting-submit">
            登记会议纪要
          </Button>
        </>
      )}
    </View>
  );
}
