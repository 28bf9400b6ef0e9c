import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RULE_BOUNDS, type BookingRules, type BookingSettingsView } from '@contract/booking.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { InfoRow } from '@/components/InfoRow';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';

const RULE_KEYS = Object.keys(RULE_BOUNDS) as Array<keyof BookingRules>;

/** 预约规则: shown, and edited through saveHours. */
export function RulesForm({ settings, onSaved }: { settings: BookingSettingsView; onSaved: (s: BookingSettingsView) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<keyof BookingRules, string>>(() => toDraft(settings.rules));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    setError(undefined);
    const bad = RULE_KEYS.find((k) => !/^\d+$/.test(draft[k].trim()));
    if (bad) return setError(new ApiError('INVALID_INPUT', `${RULE_BOUNDS[bad].label}应为整数`, [{ path: `rules.${bad}`, message: `${RULE_BOUNDS[bad].label}应为整数` }]));
    // Only what changed: 时段长度 in particular cannot change while bookings are ahead.
    const rules: Partial<BookingRules> = Object.fromEntries(
      RULE_KEYS.filter((k) => Number(draft[k].trim()) !== settings.rules[k]).map((k) => [k, Number(draft[k].trim())]),
    );
    if (Object.keys(rules).length === 0) return setEditing(false);
    setBusy(true);
    try {
      onSaved(await api.booking.saveHours({ communityId: settings.community.id, version: settings.version, rules }));
      toast('预约规则已保存');
      setEditing(false);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="rules">
      <Text className="card__title">预约规则</Text>
      {editing ? (
        <>
          {RULE_KEYS.map((k) => (
            <TextField
              key={k}
              label={`${RULE_BOUNDS[k].label}（${RULE_BOUNDS[k].min}–${RULE_BOUNDS[k].max}）`}
              kind="number"
              testId={`rule-${k}`}
              path={`rules.${k}`}
              error={error}
              value={draft[k]}
              maxLength={5}
              onChange={(v) => setDraft((d) => ({ ...d, [k]: v }))}
            />
          ))}
          {error && !RULE_KEYS.some((k) => error.fieldMessage(`rules.${k}`)) && (
            <Text className="field-error booking__error" data-testid="rules-error">
              {error.message}
            </Text>
          )}
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="rules-save">
            保存规则
          </Button>
          <Button block fill="outline" disabled={busy} onClick={() => (setEditing(false), setError(undefined))} data-testid="rules-cancel">
            取消
          </Button>
        </>
      ) : (
        <>
          {RULE_KEYS.map((k) => (
            <InfoRow key={k} label={RULE_BOUNDS[k].label} value={String(settings.rules[k])} />
          ))}
          <Button size="small" onClick={() => (setDraft(toDraft(settings.rules)), setEditing(true))} data-testid="rules-edit">
            修改规则
          </Button>
        </>
      )}
    </View>
  );
}

function toDraft(rules: BookingRules): Record<keyof BookingRules, string> {
  return Object.fromEntries(RULE_KEYS.map((k) => [k, String(rules[k])])) as Record<keyof BookingRules, string>;
}
