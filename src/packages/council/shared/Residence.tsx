import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RESIDENCE_SUBSCRIPTIONS } from '@contract/users.constants';
import type { Me } from '@contract/users';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { askForUpdates } from '@/api/subscribe';
import { toApiError, type ApiError } from '@/api/errors';
import { StatusTag } from '@/components/StatusTag';
import { toast } from '@/components/toast';
import { formatTime } from '@/utils/time';

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

  if (!me.household) {
    return (
      <View className="card" data-testid="residence">
        <Text className="card__title">住户认证</Text>
        <Text className="muted">在“我的”里绑定您家的楼栋和房号，再申请住户认证，就可以提事、附议和投票。</Text>
        <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: routes.mine() })} data-testid="residence-bind">
          去绑定住址
        </Button>
      </View>
    );
  }
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
