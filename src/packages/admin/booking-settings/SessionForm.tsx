import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  BOOKING_LIMITS,
  SESSION_DAYS,
  SESSION_DAYS_LABELS,
  SESSION_KIND_LABELS,
  SESSION_KINDS,
  type BookingSettingsView,
  type SessionDays,
  type SessionKind,
  type SessionView,
} from '@contract/booking.constants';
import { WEEKDAY_LABELS } from '@contract/time.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { Chips, ToggleChip } from '@/components/Chips';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';

type SessionInput = Omit<SessionView, 'kindLabel'>;

/** The stored sessions as saveHours takes them. */
export const sessionInputs = (settings: BookingSettingsView): SessionInput[] => settings.sessions.map(({ kindLabel: _label, ...s }) => s);

/** 延时 is for weekday evenings, 错时 for rest days (the contract refuses the rest). */
const DAYS_OF: Record<SessionKind, SessionDays | null> = { regular: null, extended: 'workday', staggered: 'restday' };

const newSessionId = () => `s-${Date.now().toString(36)}`;

/** Adds a 开放时段, or edits one (name, kind, days, times, windows); saves the whole list through saveHours. */
export function SessionForm({
  settings,
  session,
  onSaved,
  onClose,
}: {
  settings: BookingSettingsView;
  /** Absent: a new session. */
  session?: SessionView;
  onSaved: (s: BookingSettingsView) => void;
  onClose: () => void;
}) {
  const [id] = useState(() => session?.id ?? newSessionId());
  const index = session ? settings.sessions.findIndex((s) => s.id === session.id) : settings.sessions.length;
  const [name, setName] = useState(session?.name ?? '');
  const [kind, setKind] = useState<SessionKind>(session?.kind ?? 'extended');
  const [days, setDays] = useState<SessionDays>(session?.days ?? 'workday');
  const [weekdays, setWeekdays] = useState<number[]>(session?.weekdays ?? []);
  const [start, setStart] = useState(session?.start ?? '');
  const [end, setEnd] = useState(session?.end ?? '');
  const [windowIds, setWindowIds] = useState(session?.windowIds ?? settings.windows.slice(0, 1).map((w) => w.id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const path = (field: string) => `sessions.${index}.${field}`;

  const chooseKind = (k: SessionKind) => {
    setKind(k);
    const fixed = DAYS_OF[k];
    if (fixed) setDays(fixed);
  };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const edited: SessionInput = { id, name: name.trim(), kind, days, weekdays: [...weekdays].sort(), start: start.trim(), end: end.trim(), windowIds };
      const others = sessionInputs(settings);
      const sessions = session ? others.map((s) => (s.id === id ? edited : s)) : [...others, edited];
      onSaved(await api.booking.saveHours({ communityId: settings.community.id, version: settings.version, sessions }));
      toast(session ? '开放时段已保存' : '已添加开放时段');
      onClose();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const named = ['name', 'kind', 'days', 'start', 'end', 'windowIds'].some((f) => error?.fieldMessage(path(f)));

  return (
    <View className="card" data-testid={`session-form-${session?.id ?? 'new'}`}>
      <Text className="card__title">{session ? `编辑时段：${session.kindLabel} ${session.name}` : '添加开放时段'}</Text>
      <TextField label="时段名称" kind="line" testId="session-name" path={path('name')} error={error} value={name} maxLength={BOOKING_LIMITS.nameMax} placeholder="例如：周三晚间" onChange={setName} />
      <Text className="muted">类型</Text>
      <Chips<SessionKind> testId="session-kind" options={SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))} value={kind} onChange={chooseKind} />
      <Text className="muted">日期</Text>
      <Chips<SessionDays>
        testId="session-days"
        options={SESSION_DAYS.map((d) => ({ value: d, label: SESSION_DAYS_LABELS[d] }))}
        value={days}
        onChange={setDays}
        disabled={DAYS_OF[kind] !== null}
      />
      <FieldError testId="session-days-error" message={error?.fieldMessage(path('days'))} />
      <Text className="muted">星期（不选为每个{SESSION_DAYS_LABELS[days]}）</Text>
      <View className="booking__chips">
        {WEEKDAY_LABELS.map((label, weekday) => (
          <ToggleChip
            key={label}
            label={label}
            checked={weekdays.includes(weekday)}
            onChange={(on) => setWeekdays((all) => (on ? [...all.filter((w) => w !== weekday), weekday] : all.filter((w) => w !== weekday)))}
            testId={`session-weekday-${weekday}`}
          />
        ))}
      </View>
      <TextField label="开始时间" kind="line" testId="session-start" path={path('start')} error={error} value={start} maxLength={5} placeholder="HH:mm" onChange={setStart} />
      <TextField label="结束时间" kind="line" testId="session-end" path={path('end')} error={error} value={end} maxLength={5} placeholder="HH:mm" onChange={setEnd} />
      <Text className="muted">开放窗口</Text>
      <View className="button-stack">
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
        {session ? '保存时段' : '添加时段'}
      </Button>
      <Button block fill="outline" disabled={busy} onClick={onClose} data-testid="session-cancel">
        取消
      </Button>
    </View>
  );
}
