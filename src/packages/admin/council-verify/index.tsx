import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RESIDENCE_STATUS_LABELS, type ResidenceItem, type ResidenceStatus } from '@contract/users.constants';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { usePagedList } from '@/hooks/usePagedList';
import { formatTime } from '@/utils/time';
import '../../council/shared/council.scss';

type Mode = 'idle' | 'approve' | 'reject' | 'revoke';

/** One verification: 通过 (with the floor area, optional) / 不通过 with a reason; a verified one 撤销 with a reason. */
function Row({ item, onDone }: { item: ResidenceItem; onDone: () => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const [area, setArea] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const run = async (call: () => Promise<ResidenceItem>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await call();
      toast(`${done}：${r.name}`);
      setMode('idle');
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const areaValue = area.trim() === '' ? undefined : Number(area);
  const confirm = () => {
    if (mode === 'approve') return run(() => api.users.decideResidence({ openid: item.openid, version: item.version, approve: true, area: areaValue }), '已通过');
    if (mode === 'reject') return run(() => api.users.decideResidence({ openid: item.openid, version: item.version, approve: false, reason }), '未通过');
    return run(() => api.users.revokeResidence({ openid: item.openid, version: item.version, reason }), '已撤销');
  };

  return (
    <View className="card" data-testid="residence-item" data-id={item.openid}>
      <View className="council__row">
        <Text className="card__title">
          {item.name} · {item.buildingName}
          {item.room}
        </Text>
        <StatusTag tone={item.status === 'pending' ? 'warning' : item.status === 'verified' ? 'primary' : 'neutral'}>{item.statusLabel}</StatusTag>
      </View>
      <InfoRow label="申请时间" value={formatTime(item.requestedAt)} />
      {item.phone && <InfoRow label="联系电话" value={item.phone} />}
      {item.area !== null && <InfoRow label="建筑面积" value={`${item.area}㎡`} />}
      {item.reason && <InfoRow label="原因" value={item.reason} />}
      {item.history.length > 1 && <Text className="council__meta">记录：{item.history.map((e) => `${formatTime(e.at)} ${RESIDENCE_STATUS_LABELS[e.kind === 'requested' ? 'pending' : e.kind]}`).join('；')}</Text>}
      {mode === 'approve' && <TextField label="建筑面积（㎡，选填，用于按面积表决）" kind="number" testId="area" path="area" error={error} value={area} maxLength={8} onChange={setArea} />}
      {(mode === 'reject' || mode === 'revoke') && (
        <TextField label={mode === 'reject' ? '不通过的原因' : '撤销的原因'} testId="reason" path="reason" error={error} value={reason} maxLength={100} placeholder="例如：房号与物业登记不符" onChange={setReason} />
      )}
      {error && !error.fieldMessage('reason') && !error.fieldMessage('area') && (
        <Text className="field-error" data-testid="residence-error">
          {error.message}
        </Text>
      )}
      <View className="button-stack">
        {mode === 'idle' ? (
          item.status === 'pending' ? (
            <>
              <Button block type="primary" onClick={() => setMode('approve')} data-testid="approve">
                通过
              </Button>
              <Button block fill="outline" onClick={() => setMode('reject')} data-testid="reject">
                不通过
              </Button>
            </>
          ) : (
            item.status === 'verified' && (
              <Button block fill="outline" onClick={() => setMode('revoke')} data-testid="revoke">
                撤销认证
              </Button>
            )
          )
        ) : (
          <>
            <Button block type="primary" loading={busy} disabled={busy} onClick={() => void confirm()} data-testid="confirm">
              确认{mode === 'approve' ? '通过' : mode === 'reject' ? '不通过' : '撤销'}
            </Button>
            <Button block fill="outline" disabled={busy} onClick={() => setMode('idle')} data-testid="back">
              返回
            </Button>
          </>
        )}
      </View>
    </View>
  );
}

const TABS: ReadonlyArray<{ value: ResidenceStatus; label: string }> = (['pending', 'verified', 'rejected', 'revoked'] as const).map((s) => ({ value: s, label: RESIDENCE_STATUS_LABELS[s] }));

/** 住户认证 queue of the caller's jurisdiction: residents asking to be verified for their household. */
export default function CouncilVerify() {
  const [status, setStatus] = useState<ResidenceStatus>('pending');
  const list = usePagedList(async (page) => {
    const p = await api.users.residenceQueue({ status, page });
    return { ...p, items: p.items.map((i) => ({ ...i, id: i.openid })) };
  }, [status]);
  return (
    <Page className="council">
      <Chips options={TABS} value={status} onChange={setStatus} testId="status" />
      <PagedListView
        list={list}
        testId="residences"
        header={<Text className="council__meta">共 {list.total} 户</Text>}
        renderItem={(item) => <Row item={item} onDone={() => list.reload(true)} />}
        empty={<EmptyState title={status === 'pending' ? '没有待审核的申请' : '暂无记录'} />}
      />
    </Page>
  );
}
