import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { isAfterHours, type BookingSettingsView } from '@contract/booking.constants';
import { WEEKDAY_LABELS } from '@contract/time.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { toast } from '@/components/toast';

/** 每周轮值: who is on duty in each after-hours session on a weekday (setDuty with `weekday`). */
export function DutyPattern({ settings, onSaved }: { settings: BookingSettingsView; onSaved: (s: BookingSettingsView) => void }) {
  const sessions = settings.sessions.filter((s) => isAfterHours(s.kind));
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [weekday, setWeekday] = useState<number>(sessions[0]?.weekdays[0] ?? 1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (sessions.length === 0) {
    return (
      <View className="card" data-testid="duty-pattern">
        <Text className="card__title">每周轮值</Text>
        <Text className="muted">没有延时或错时时段，不需要排班</Text>
      </View>
    );
  }
  const current = settings.pattern.find((p) => p.sessionId === sessionId && p.weekday === weekday)?.staff.openid ?? null;
  const save = async (staffOpenid: string | null) => {
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.booking.setDuty({ communityId: settings.community.id, version: settings.version, sessionId, weekday, staffOpenid }));
      toast('每周轮值已保存');
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const sessionName = (id: string) => settings.sessions.find((s) => s.id === id)?.name ?? id;
  return (
    <View className="card" data-testid="duty-pattern">
      <Text className="card__title">每周轮值</Text>
      {settings.pattern.length === 0 && <Text className="muted">还没有每周轮值安排</Text>}
      {settings.pattern.map((p) => (
        <Text key={`${p.sessionId}-${p.weekday}`} className="muted" data-testid="pattern-row">
          {WEEKDAY_LABELS[p.weekday]} {sessionName(p.sessionId)}：{p.staff.name}
        </Text>
      ))}
      <Text className="muted">时段</Text>
      <Chips<string> testId="pattern-session" options={sessions.map((s) => ({ value: s.id, label: `${s.kindLabel} ${s.name}` }))} value={sessionId} onChange={setSessionId} />
      <Text className="muted">每周</Text>
      <Chips<number> testId="pattern-weekday" options={WEEKDAY_LABELS.map((label, i) => ({ value: i, label }))} value={weekday} onChange={setWeekday} />
      <Text className="muted">值班人员</Text>
      <Chips<string | null>
        testId="pattern-staff"
        disabled={busy}
        options={[...settings.dutyStaff.map((s) => ({ value: s.openid, label: s.name })), { value: null, label: '不安排' }]}
        value={current}
        onChange={(v) => void save(v)}
      />
      {error && (
        <Text className="field-error booking__error" data-testid="pattern-error">
          {error.message}
        </Text>
      )}
    </View>
  );
}
