import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COUNCIL_LIMITS, type CommentView, type MatterView } from '@contract/council.constants';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { pressable } from '@/components/a11y';
import { EmptyState } from '@/components/EmptyState';
import { PagedListView } from '@/components/PagedList';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { usePagedList } from '@/hooks/usePagedList';
import { formatTime } from '@/utils/time';
import { uuid } from '@/utils/uuid';

/** 议事: the matter's comments, oldest first, and a form (with 回复 to one comment). */
export function Comments({ m }: { m: MatterView }) {
  const list = usePagedList((page) => api.council.comments({ id: m.id, page }), [m.id]);
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<CommentView | null>(null);
  const [requestId, setRequestId] = useState(uuid);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const c = await api.council.comment({ id: m.id, requestId, text, replyTo: replyTo?.id });
      toast(c.held ? '已发表，社区审核后邻居可见' : '已发表');
      setText('');
      setReplyTo(null);
      setRequestId(uuid());
      list.reload(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const authorOf = (id: string | null) => list.items.find((c) => c.id === id)?.author;
  return (
    <View className="card" data-testid="comments">
      <Text className="card__title">议事讨论</Text>
      <PagedListView
        list={list}
        testId="comment-list"
        endText={null}
        renderItem={(c) => (
          <View className="council__comment" data-testid="comment" data-id={c.id}>
            <Text className="council__meta">
              {c.author} · {formatTime(c.createdAt)}
              {c.replyTo && authorOf(c.replyTo) ? ` · 回复${authorOf(c.replyTo)}` : ''}
              {c.held ? ' · 审核中' : ''}
            </Text>
            <Text className="council__body">{c.text}</Text>
            {m.mine.canComment && (
              <View className="council__meta jy-tap" {...pressable(() => setReplyTo(c))} data-testid="reply">
                <Text>回复</Text>
              </View>
            )}
          </View>
        )}
        empty={<EmptyState title="还没有人发言" description="说说您的看法，邻里一起商量" />}
      />
      {m.mine.canComment && (
        <>
          {replyTo && (
            <View className="council__meta jy-tap" {...pressable(() => setReplyTo(null))} data-testid="reply-cancel">
              <Text>回复{replyTo.author}（点此取消）</Text>
            </View>
          )}
          <TextField label="我的看法" testId="comment-text" path="text" error={error} value={text} maxLength={COUNCIL_LIMITS.commentMax} onChange={setText} />
          {error && !error.fieldMessage('text') && <Text className="field-error">{error.message}</Text>}
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void send()} data-testid="comment-submit">
            发表
          </Button>
        </>
      )}
    </View>
  );
}
