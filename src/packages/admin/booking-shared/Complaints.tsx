import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, type ComplaintItem } from '@contract/booking.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { PagedListView } from '@/components/PagedList';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { usePagedList } from '@/hooks/usePagedList';
import { formatTime } from '@/utils/time';

type Row = ComplaintItem & { id: string };

function ComplaintRow({ item, onAnswered }: { item: Row; onAnswered: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.booking.answer({ id: item.bookingId, text });
      toast(`已回复 ${item.residentName} 的评价`);
      setText('');
      onAnswered();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="complaint" data-id={item.bookingId} data-overdue={String(item.overdue)}>
      <View className="item-top">
        <Text className="card__title">
          {item.residentName} · {item.serviceName}
        </Text>
        <StatusTag tone={item.answer ? 'neutral' : item.overdue ? 'danger' : 'primary'}>{item.answer ? '已回复' : item.overdue ? '已超时' : '待回复'}</StatusTag>
      </View>
      <Text>
        {item.ratingLabel}
        {item.comment ? `：${item.comment}` : ''}
      </Text>
      <Text className="muted">
        {item.communityName} · 评价于 {formatTime(item.ratedAt)} · 预约码 {item.code}
      </Text>
      <Text className={item.overdue && !item.answer ? 'field-error' : 'muted'} data-testid="complaint-due">
        {item.overdue && !item.answer ? `已超过回复期限（${formatTime(item.dueAt)}），请尽快回复` : `请于 ${formatTime(item.dueAt)} 前回复`}
      </Text>
      {item.answer ? (
        <Text data-testid="complaint-answer">
          回复：{item.answer}
          {item.answeredAt ? `（${formatTime(item.answeredAt)}）` : ''}
        </Text>
      ) : (
        <>
          <TextField
            label="回复居民"
            testId="answer-text"
            path="text"
            error={error}
            value={text}
            maxLength={BOOKING_LIMITS.answerMax}
            placeholder="说明原因和改进措施"
            onChange={setText}
          />
          {error && !error.fieldMessage('text') && (
            <Text className="field-error booking__error" data-testid="answer-error">
              {error.message}
            </Text>
          )}
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="answer-submit">
            提交回复
          </Button>
        </>
      )}
    </View>
  );
}

/** 差评回复: the community's 不满意/非常不满意 ratings, open ones first, with their deadline. */
export function Complaints() {
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const open = scope === 'open';
  const list = usePagedList<Row>(
    async (page) => {
      const res = await api.booking.complaints({ open, page });
      return { ...res, items: res.items.map((c) => ({ ...c, id: c.bookingId })) };
    },
    [open],
  );
  return (
    <View data-testid="complaints">
      <Text className="card__title">差评回复</Text>
      <Chips<'open' | 'all'>
        testId="complaints-scope"
        options={[
          { value: 'open', label: '待回复' },
          { value: 'all', label: '全部' },
        ]}
        value={scope}
        onChange={setScope}
      />
      <PagedListView
        list={list}
        testId="complaint-list"
        empty={<EmptyState title={open ? '没有待回复的差评' : '还没有差评'} testId="complaints-empty" />}
        renderItem={(item) => <ComplaintRow item={item} onAnswered={() => list.reload(true)} />}
      />
    </View>
  );
}
