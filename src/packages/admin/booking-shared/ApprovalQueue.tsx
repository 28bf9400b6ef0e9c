import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, type BookingSummary, type BookingView } from '@contract/booking.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';

/** One booking waiting for approval (the resident has too many no-shows): 通过 or 不通过 with a reason. */
function ApprovalRow({ item, onDone }: { item: BookingSummary; onDone: (b: BookingView) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const current = await api.booking.detail({ id: item.id });
      const b = await api.booking.approve({ id: item.id, version: current.version, approve, reason: reason.trim() || undefined });
      toast(approve ? `已通过：${b.resident.name} ${b.service.name}` : `未通过：${b.resident.name} ${b.service.name}`);
      setRejecting(false);
      setReason('');
      onDone(b);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="approval" data-id={item.id}>
      <Text className="card__title">
        {item.slot.label} {item.residentName}
      </Text>
      <Text>
        {item.serviceName}
        {item.mode === 'home' ? ' · 上门服务' : ''}
        {item.channel === 'phone' ? ' · 电话预约' : ''}
      </Text>
      <Text className="muted">近期爽约次数较多，需审核后才能办理</Text>
      {rejecting && (
        <TextField
          label="不通过的理由"
          testId="approval-reason"
          path="reason"
          error={error}
          value={reason}
          maxLength={BOOKING_LIMITS.noteMax}
          placeholder="例如：近30天爽约3次，请电话确认后再预约"
          onChange={setReason}
        />
      )}
      {error && !error.fieldMessage('reason') && (
        <Text className="field-error booking__error" data-testid="approval-error">
          {error.message}
        </Text>
      )}
      <View className="button-stack">
        {!rejecting && (
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void decide(true)} data-testid="approve">
            通过
          </Button>
        )}
        {rejecting ? (
          <>
            <Button block type="primary" loading={busy} disabled={busy} onClick={() => void decide(false)} data-testid="reject-submit">
              确认不通过
            </Button>
            <Button block fill="outline" disabled={busy} onClick={() => setRejecting(false)} data-testid="reject-cancel">
              返回
            </Button>
          </>
        ) : (
          <Button block fill="outline" disabled={busy} onClick={() => setRejecting(true)} data-testid="reject">
            不通过
          </Button>
        )}
      </View>
    </View>
  );
}

/** 待审核: the given bookings waiting for staff approval. */
export function ApprovalQueue({ items, onDone }: { items: BookingSummary[]; onDone: (b: BookingView) => void }) {
  return (
    <View data-testid="approvals">
      <Text className="card__title">待审核（{items.length}）</Text>
      {items.length === 0 ? (
        <Text className="muted" data-testid="approvals-empty">
          当天没有待审核的预约
        </Text>
      ) : (
        items.map((item) => <ApprovalRow key={item.id} item={item} onDone={onDone} />)
      )}
    </View>
  );
}
