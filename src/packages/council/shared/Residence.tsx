import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RESIDENCE_SUBSCRIPTIONS } from '@contract/users.constants';
import type { Me } from '@contract/users';
import { api } from '@/api';
import { askForUpdates } from '@/api/subscribe';
import { ApiError, toApiError } from '@/api/errors';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { currentPlace } from '@/state/place';
import { formatTime } from '@/utils/time';

/** 绑定住址: the building's code (the one last scanned, if any) and the room, so the household can be verified. */
function BindHousehold({ me, onChange }: { me: Me; onChange: (me: Me) => void }) {
  const [code, setCode] = useState(() => me.household?.buildingCode ?? currentPlace()?.building.code ?? '');
  const [room, setRoom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const bind = async () => {
    if (room.trim() === '') return setError(new ApiError('INVALID_INPUT', '请填写单元和房号', [{ path: 'room', message: '请填写单元和房号' }]));
    setBusy(true);
    setError(undefined);
    try {
      const next = await api.users.bindHousehold({ buildingCode: code, room });
      toast('住址已绑定');
      onChange(next);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="residence">
      <Text className="card__title">住户认证</Text>
      <Text className="muted">先绑定您家的楼栋和房号，再申请住户认证，就可以提事、附议和投票。</Text>
      <TextField label="楼栋码（印在单元门口二维码下方）" kind="line" testId="bind-code" path="buildingCode" error={error} value={code} maxLength={16} placeholder="如 370602B0001" onChange={setCode} />
      <TextField label="单元和房号" kind="line" testId="bind-room" path="room" error={error} value={room} maxLength={16} placeholder="如 2单元301" onChange={setRoom} />
      {error && error.issues.length === 0 && (
        <Text className="field-error" data-testid="bind-error">
          {error.message}
        </Text>
      )}
      <View className="button-stack">
        <Button block type="primary" loading={busy} disabled={busy} onClick={() => void bind()} data-testid="residence-bind">
          绑定住址
        </Button>
      </View>
    </View>
  );
}

/** 住户认证 as the resident sees it: bind a household, ask, wait, or read why not. */
export function ResidenceCard({ me, onChange }: { me: Me; onChange: (me: Me) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const r = me.residence ?? null;

  const ask = async () => {
    await askForUpdates(RESIDENCE_SUBSCRIPTIONS);
    setBusy(true);
    setError(undefined);
    try {
      const next = await api.users.requestResidence({});
      toast('已提交认证申请，网格员审核后即可附议和投票');
      onChange(next);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  if (!me.household?.room) return <BindHousehold me={me} onChange={onChange} />;
  return (
    <View className="card" data-testid="residence">
      <View className="council__row">
        <Text className="card__title">住户认证</Text>
        {r && <StatusTag tone={r.status === 'verified' ? 'primary' : r.status === 'pending' ? 'warning' : 'danger'}>{r.statusLabel}</StatusTag>}
      </View>
      <Text className="muted" data-testid="residence-status">
        {r
          ? r.status === 'verified'
            ? `${r.buildingName}${r.room} 已认证，可以提事、附议和投票`
            : r.status === 'pending'
              ? `${r.buildingName}${r.room} 已于 ${formatTime(r.requestedAt)} 申请，等待网格员审核`
              : `${r.statusLabel}${r.reason ? `：${r.reason}` : ''}`
          : '认证后可以提事、附议和投票；未认证也可以浏览议题。'}
      </Text>
      {error && (
        <Text className="field-error" data-testid="residence-error">
          {error.message}
        </Text>
      )}
      {(!r || r.canRequest) && (
        <Button block type="primary" loading={busy} disabled={busy} onClick={() => void ask()} data-testid="residence-request">
          申请住户认证
        </Button>
      )}
    </View>
  );
}
