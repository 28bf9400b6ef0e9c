import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, SESSION_DAYS_LABELS, type BookingSettingsView, type DutyView, type SessionView } from '@contract/booking.constants';
import { WEEKDAY_LABELS } from '@contract/time.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import { Materials } from '../../booking/shared/Materials';
import { DutyPattern } from './DutyPattern';
import { RulesForm } from './RulesForm';
import { ServiceForm } from './ServiceForm';
import { SessionForm, sessionInputs } from './SessionForm';
import { Windows } from './Windows';
import '../../booking/shared/booking.scss';

type Save = (label: string, call: () => Promise<BookingSettingsView>) => Promise<boolean>;

/** 轮值坐班: one after-hours duty of the next days, and who takes it instead. */
function DutyRow({ duty, settings, save, busy }: { duty: DutyView; settings: BookingSettingsView; save: Save; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const current = duty.staff[0]?.openid ?? null;
  return (
    <View className="booking__day" data-testid="duty" data-day={duty.day} data-session={duty.sessionId}>
      <View className="item-top">
        <Text>
          {duty.day} {duty.weekdayLabel} {duty.sessionName} {duty.label}
        </Text>
        <Text data-testid="duty-staff">{duty.staff.map((s) => s.name).join('、') || '无人值班'}</Text>
      </View>
      {open ? (
        <Chips<string | null>
          testId={`duty-${duty.day}-${duty.sessionId}`}
          disabled={busy}
          options={[...settings.dutyStaff.map((s) => ({ value: s.openid, label: s.name })), { value: null, label: '不安排' }]}
          value={current}
          onChange={(staffOpenid) =>
            void save('值班已调整', () => api.booking.setDuty({ communityId: settings.community.id, version: settings.version, sessionId: duty.sessionId, day: duty.day, staffOpenid })).then(
              (ok) => ok && setOpen(false),
            )
          }
        />
      ) : (
        <Button size="small" onClick={() => setOpen(true)} data-testid="duty-swap">
          换班
        </Button>
      )}
    </View>
  );
}

function Closures({ settings, save, busy, error }: { settings: BookingSettingsView; save: Save; busy: boolean; error: ApiError | undefined }) {
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const replace = (closures: BookingSettingsView['closures']) => save('闭馆安排已保存', () => api.booking.saveHours({ communityId: settings.community.id, version: settings.version, closures }));
  return (
    <View className="card" data-testid="closures">
      <Text className="card__title">临时闭馆</Text>
      {settings.closures.length === 0 && <Text className="muted">没有安排临时闭馆（法定节假日自动不开放）</Text>}
      {settings.closures.map((c) => (
        <View key={c.day} className="item-top" data-testid="closure">
          <Text>
            {c.day} {c.reason}
          </Text>
          <Button size="small" disabled={busy} onClick={() => void replace(settings.closures.filter((x) => x.day !== c.day))}>
            删除
          </Button>
        </View>
      ))}
      <TextField label="日期" kind="line" testId="closure-day" path="closures.0.day" error={error} value={day} maxLength={10} placeholder="YYYY-MM-DD" onChange={setDay} />
      <TextField label="原因" kind="line" testId="closure-reason" path="closures.0.reason" error={error} value={reason} maxLength={BOOKING_LIMITS.nameMax} placeholder="例如：社区工作站装修" onChange={setReason} />
      <Button
        block
        disabled={busy}
        onClick={() =>
          void replace([{ day: day.trim(), reason: reason.trim() }, ...settings.closures]).then((ok) => {
            if (ok) (setDay(''), setReason(''));
          })
        }
        data-testid="closure-add"
      >
        添加闭馆日
      </Button>
    </View>
  );
}

function Settings({ settings, setSettings }: { settings: BookingSettingsView; setSettings: (s: BookingSettingsView) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  /** The service being edited ('new': adding one). */
  const [editing, setEditing] = useState<string | null>(null);
  const [editingSession, setEditingSession] = useState<string | null>(null);
  const save: Save = async (label, call) => {
    setBusy(true);
    setError(undefined);
    try {
      setSettings(await call());
      toast(label);
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const windowName = (id: string) => settings.windows.find((w) => w.id === id)?.name ?? id;
  const removeSession = async (session: SessionView) => {
    const { confirm } = await Taro.showModal({ title: '删除时段', content: `确定删除“${session.name}”吗？该时段的值班安排一并删除。` });
    if (!confirm) return;
    const sessions = sessionInputs(settings).filter((s) => s.id !== session.id);
    await save('已删除时段', () => api.booking.saveHours({ communityId: settings.community.id, version: settings.version, sessions }));
  };
  return (
    <>
      <View className="card" data-testid="settings-head">
        <Text className="card__title">{settings.community.name}</Text>
        {settings.updatedAt && (
          <Text className="muted">
            {settings.updatedByName} 于 {formatTime(settings.updatedAt)} 更新
          </Text>
        )}
      </View>
      {error && (
        <Text className="field-error booking__error" data-testid="settings-error">
          {error.message}
        </Text>
      )}

      <View className="card" data-testid="duties">
        <Text className="card__title">值班安排（未来 {BOOKING_LIMITS.horizonDays} 天的延时、错时时段）</Text>
        {settings.duties.map((d) => (
          <DutyRow key={`${d.day}-${d.sessionId}`} duty={d} settings={settings} save={save} busy={busy} />
        ))}
      </View>

      <DutyPattern settings={settings} onSaved={setSettings} />

      <Windows settings={settings} save={save} busy={busy} />

      <View className="card" data-testid="sessions">
        <Text className="card__title">开放时段</Text>
        {settings.sessions.map((s) =>
          editingSession === s.id ? (
            <SessionForm key={s.id} settings={settings} session={s} onSaved={setSettings} onClose={() => setEditingSession(null)} />
          ) : (
            <View key={s.id} data-testid="session" data-id={s.id}>
              <InfoRow
                label={`${s.kindLabel} ${s.name}`}
                value={`${SESSION_DAYS_LABELS[s.days]}${s.weekdays.length ? `（${s.weekdays.map((w) => WEEKDAY_LABELS[w]).join('、')}）` : ''} ${s.start}–${s.end} · ${s.windowIds.map(windowName).join('、')}`}
              />
              <View className="booking__chips">
                <Button size="small" disabled={busy} onClick={() => setEditingSession(s.id)} data-testid="session-edit">
                  编辑
                </Button>
                <Button size="small" fill="outline" disabled={busy || settings.sessions.length === 1} onClick={() => void removeSession(s)} data-testid="session-remove">
                  删除
                </Button>
              </View>
            </View>
          ),
        )}
        {editingSession === 'new' ? (
          <SessionForm settings={settings} onSaved={setSettings} onClose={() => setEditingSession(null)} />
        ) : (
          <Button block onClick={() => setEditingSession('new')} data-testid="session-add">
            添加时段
          </Button>
        )}
      </View>

      <Closures settings={settings} save={save} busy={busy} error={error} />

      <RulesForm settings={settings} onSaved={setSettings} />

      <View data-testid="catalogue">
        <Text className="card__title">服务事项</Text>
        {settings.services.map((s) =>
          editing === s.id ? (
            <ServiceForm key={s.id} settings={settings} service={s} onSaved={setSettings} onClose={() => setEditing(null)} />
          ) : (
            <View key={s.id} className="card" data-testid="settings-service" data-id={s.id}>
              <View className="item-top">
                <Text className="card__title">{s.name}</Text>
                <Text className="muted">{s.active ? '开放预约' : '已停用'}</Text>
              </View>
              <Text className="muted">
                每次 {s.minutes} 分钟 · {s.windowIds.map(windowName).join('、')}
                {s.homeVisit ? ' · 可上门' : ''}
              </Text>
              <Materials items={s.materials} />
              <Button size="small" onClick={() => setEditing(s.id)} data-testid="service-edit">
                编辑
              </Button>
            </View>
          ),
        )}
        {editing === 'new' ? (
          <ServiceForm settings={settings} onSaved={setSettings} onClose={() => setEditing(null)} />
        ) : (
          <Button block onClick={() => setEditing('new')} data-testid="service-add">
            添加服务
          </Button>
        )}
      </View>
    </>
  );
}

export default function BookingSettings() {
  const { params } = useRouter();
  const state = useRequest(() => api.booking.settings({ communityId: params.communityId }), [params.communityId]);
  return (
    <Page className="booking">
      <AsyncView state={state}>{(settings) => <Settings settings={settings} setSettings={state.setData} />}</AsyncView>
    </Page>
  );
}
