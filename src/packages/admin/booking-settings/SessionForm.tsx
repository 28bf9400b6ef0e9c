import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, type BookingSettingsView, type SessionView } from '@contract/booking.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { ToggleChip } from '@/components/Chips';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';

/** Edits one 开放时段 (name, start, end, windows) and saves the whole list through saveHours. */
export function SessionForm({
  settings,
  session,
  onSaved,
  onClose,
}: {
  settings: BookingSettingsView;
  session: SessionView;
  onSaved: (s: BookingSettingsView) => void;
  onClose: () => void;
}) {
  const index = settings.sessions.findIndex((s) => s.id === session.id);
  const [name, setName] = useState(session.name);
  const [start, setStart] = useState(session.start);
  const [end, setEnd] = useState(session.end);
  const [windowIds, setWindowIds] = useState(session.windowIds);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const path = (field: string) => `sessions.${index}.${field}`;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const sessions = settings.sessions.map(({ kindLabel: _label, ...s }) =>
        s.id === session.id ? { ...s, name: name.trim(), start: start.trim(), end: end.trim(), windowIds } : s,
      );
      onSaved(await api.booking.saveHours({ communityId: settings.community.id, version: settings.version, sessions }));
      toast('开放时段已保存');
      onClose();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const named = ['name', 'start', 'end', 'windowIds'].some((f) => error?.fieldMessage(path(f)));

  return (
    <View className="card" data-testid={`session-form-${session.id}`}>
      <Text className="card__title">
        编辑时段：{session.kindLabel} {session.name}
      </Text>
      <TextField label="时段名称" kind="line" testId="session-name" path={path('name')} error={error} value={name} maxLength={BOOKING_LIMITS.nameMax} onChange={setName} />
      <TextField label="开始时间" kind="line" testId="session-start" path={path('start')} error={error} value={start} maxLength={5} placeholder="HH:mm" onChange={setStart} />
      <TextField label="结束时间" kind="line" testId="session-end" path={path('end')} error={error} value={end} maxLength={5} placeholder="HH:mm" onChange={setEnd} />
      <Text className="muted">开放窗口</Text>
      <View className="booking__buttons">
        {settings.windows.map((w) => (
          <ToggleChip
            key={w.id}
            label={w.name}
            checked={windowIds.includes(w.id)}
            onChange={(on) => setWindowIds((ids) => (on ? [...ids.filter((x) => x !== w.id), w.id] : ids.filter((x) => x !== w.id)))}
            testId={`session-window-${w.id}`}
          />
        ))}
      </View>
      <FieldError testId="session-windows-error" message={error?.fieldMessage(path('windowIds'))} />
      {error && !named && (
        <Text className="field-error booking__error" data-testid="session-error">
          {error.message}
        </Text>
      )}
      <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="session-save">
        保存时段
      </Button>
      <Button block fill="outline" disabled={busy} onClick={onClose} data-testid="session-cancel">
        取消
      </Button>
    </View>
  );
}
