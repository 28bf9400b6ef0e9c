import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AppealDetail, RoutingTarget } from '@contract/appeals';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { Chips } from '../shared/Chips';
import { LIMITS, TARGETS } from '../shared/labels';
import { PhotoPicker } from '../shared/PhotoPicker';

/** The staff commands this page offers (rate and follow are the resident's). */
export type StaffCommand = 'claim' | 'reply' | 'transfer' | 'resolve' | 'press' | 'escalate';

const COMMANDS: ReadonlyArray<{ key: StaffCommand; label: string; done: string; hint: string }> = [
  { key: 'claim', label: '签收', done: '已签收', hint: '签收后由您首问负责，跟进到办结。' },
  { key: 'reply', label: '回复', done: '已回复', hint: '向居民说明办理进展，居民会在诉求进度中看到。' },
  { key: 'transfer', label: '转办', done: '已转办', hint: '交给更合适的办理方，需写明理由。' },
  { key: 'resolve', label: '办结', done: '已办结', hint: '填写办理结果并上传现场照片，居民将收到评价邀请。' },
  { key: 'press', label: '督办', done: '已督办', hint: '督促当前办理方尽快办理。' },
  { key: 'escalate', label: '上报', done: '已上报', hint: '本级难以解决时上报上一级（下呼上应）。' },
];

interface Drafts {
  reply: { text: string; photos: string[] };
  transfer: { target: RoutingTarget | null; reason: string };
  resolve: { text: string; photos: string[] };
  press: { note: string };
  escalate: { reason: string };
}

const EMPTY: Drafts = {
  reply: { text: '', photos: [] },
  transfer: { target: null, reason: '' },
  resolve: { text: '', photos: [] },
  press: { note: '' },
  escalate: { reason: '' },
};

/** Which fields each command's form shows; an INVALID_INPUT issue on another path goes to the banner. */
const FIELDS: Record<StaffCommand, string[]> = {
  claim: [],
  reply: ['text', 'photos'],
  transfer: ['to', 'reason'],
  resolve: ['text', 'photos'],
  press: ['note'],
  escalate: ['reason'],
};

const issueFor = (error: ApiError | undefined, field: string) =>
  error?.issues.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;

const required = (field: string, message: string) => new ApiError('INVALID_INPUT', message, [{ path: field, message }]);

function TextField({
  testId,
  label,
  value,
  onChange,
  placeholder,
  max,
  error,
  disabled,
}: {
  testId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  max: number;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <View className="action-form__field">
      <Text className="admin-section-label">{label}</Text>
      <Textarea
        className={`action-form__textarea${error ? ' action-form__textarea--error' : ''}`}
        data-testid={testId}
        value={value}
        placeholder={placeholder}
        maxlength={max}
        autoHeight
        disabled={disabled}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className="muted action-form__count">
        {Array.from(value).length}/{max}
      </Text>
      {error && (
        <Text className="field-error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}

/**
 * The commands `can` allows now, each with its form. Typed text survives a failed call; on CONFLICT
 * the page reloads the appeal (`onStale`) and the message says why.
 */
export function ActionPanel({ appeal, onDone, onStale }: { appeal: AppealDetail; onDone: (next: AppealDetail) => void; onStale: () => Promise<void> }) {
  const [active, setActive] = useState<StaffCommand | null>(null);
  const [drafts, setDrafts] = useState<Drafts>(EMPTY);
  const [busy, setBusy] = useState<StaffCommand | null>(null);
  const [failure, setFailure] = useState<{ command: StaffCommand; error: ApiError }>();

  const allowed = COMMANDS.filter((c) => appeal.can[c.key]);
  const base = { id: appeal.id, version: appeal.version };

  const edit = <K extends keyof Drafts>(key: K, patch: Partial<Drafts[K]>) => setDrafts((d) => ({ ...d, [key]: { ...d[key], ...patch } }));

  const run = async (command: StaffCommand, call: () => Promise<AppealDetail>) => {
    if (busy) return;
    setBusy(command);
    setFailure(undefined);
    try {
      const next = await call();
      if (command !== 'claim') setDrafts((d) => ({ ...d, [command]: EMPTY[command as keyof Drafts] }));
      setActive(null);
      onDone(next);
      void Taro.showToast({ title: COMMANDS.find((c) => c.key === command)!.done, icon: 'success' });
    } catch (err) {
      const error = toApiError(err);
      setFailure({ command, error });
      // Someone else moved the appeal on (or it left our reach): show what it is now.
      if (error.code === 'CONFLICT' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') await onStale();
    } finally {
      setBusy(null);
    }
  };

  const fail = (command: StaffCommand, error: ApiError) => setFailure({ command, error });

  const submit: Record<StaffCommand, () => void> = {
    claim: () => void run('claim', () => api.appeals.claim(base)),
    reply: () => {
      const { text, photos } = drafts.reply;
      if (!text.trim()) return fail('reply', required('text', '请填写回复内容'));
      void run('reply', () => api.appeals.reply({ ...base, text, photos }));
    },
    transfer: () => {
      const { target, reason } = drafts.transfer;
      if (!target) return fail('transfer', required('to', '请选择转办对象'));
      if (!reason.trim()) return fail('transfer', required('reason', '请填写转办理由'));
      void run('transfer', () => api.appeals.transfer({ ...base, to: { target }, reason }));
    },
    resolve: () => {
      const { text, photos } = drafts.resolve;
      if (!text.trim()) return fail('resolve', required('text', '请填写办理结果'));
      void run('resolve', () => api.appeals.resolve({ ...base, text, photos }));
    },
    press: () => {
      const { note } = drafts.press;
      if (!note.trim()) return fail('press', required('note', '请填写督办意见'));
      void run('press', () => api.appeals.press({ ...base, note }));
    },
    escalate: () => {
      const { reason } = drafts.escalate;
      if (!reason.trim()) return fail('escalate', required('reason', '请填写上报理由'));
      void run('escalate', () => api.appeals.escalate({ ...base, reason }));
    },
  };

  const error = failure?.error;
  const errorFor = (command: StaffCommand, field: string) => (failure?.command === command ? issueFor(error, field) : undefined);
  const bannerShown =
    failure && !(failure.error.code === 'INVALID_INPUT' && failure.command === active && FIELDS[failure.command].some((f) => issueFor(failure.error, f)));

  const openForm = (command: StaffCommand) => {
    if (command === 'claim') return submit.claim();
    setActive(active === command ? null : command);
    if (failure?.command !== command) setFailure(undefined);
  };

  const current = active && appeal.can[active] ? active : null;
  const submitting = busy === current && current !== null;

  return (
    <View className="card action-panel" data-testid="action-panel">
      <Text className="card__title">办理</Text>
      {bannerShown && (
        <Text className="admin-banner admin-banner--error" data-testid="action-error">
          {failure.error.message}
          {failure.error.code === 'CONFLICT' ? '（已为您刷新为最新内容，已填写的内容仍保留）' : ''}
        </Text>
      )}
      {allowed.length === 0 ? (
        <Text className="muted" data-testid="no-actions">
          {appeal.status === 'closed' ? '诉求已完结，无需办理。' : appeal.status === 'resolved' ? '诉求已办结，等待居民评价。' : '您当前没有可执行的办理操作。'}
        </Text>
      ) : (
        <View className="action-panel__buttons">
          {allowed.map((c) => (
            <Button
              key={c.key}
              size="small"
              type={c.key === 'claim' || current === c.key ? 'primary' : 'default'}
              loading={c.key === 'claim' && busy === 'claim'}
              disabled={busy !== null}
              onClick={() => openForm(c.key)}
              data-testid={`action-${c.key}`}
            >
              {c.label}
            </Button>
          ))}
        </View>
      )}

      {current && (
        <View className="action-form" data-testid={`form-${current}`}>
          <Text className="muted">{COMMANDS.find((c) => c.key === current)!.hint}</Text>

          {current === 'reply' && (
            <>
              <TextField
                testId="field-reply-text"
                label="回复内容"
                placeholder="向居民说明办理进展"
                max={LIMITS.textMax}
                value={drafts.reply.text}
                onChange={(text) => edit('reply', { text })}
                error={errorFor('reply', 'text')}
                disabled={submitting}
              />
              <Text className="admin-section-label">照片（选填）</Text>
              <PhotoPicker testId="field-reply-photos" folder={`appeals/${appeal.id}/replies`} max={LIMITS.photosMax} photos={drafts.reply.photos} onChange={(photos) => edit('reply', { photos })} disabled={submitting} />
              {errorFor('reply', 'photos') && <Text className="field-error">{errorFor('reply', 'photos')}</Text>}
            </>
          )}

          {current === 'transfer' && (
            <>
              <Text className="admin-section-label">转办给</Text>
              <Chips
                testId="field-transfer-target"
                value={drafts.transfer.target}
                onChange={(target) => edit('transfer', { target })}
                options={TARGETS.map((t) => ({ value: t.value, label: t.label }))}
                disabled={submitting}
              />
              {errorFor('transfer', 'to') && (
                <Text className="field-error" data-testid="field-transfer-target-error">
                  {errorFor('transfer', 'to')}
                </Text>
              )}
              <TextField
                testId="field-transfer-reason"
                label="转办理由（必填）"
                placeholder="例如：属物业维修范围，请物业公司处理"
                max={LIMITS.reasonMax}
                value={drafts.transfer.reason}
                onChange={(reason) => edit('transfer', { reason })}
                error={errorFor('transfer', 'reason')}
                disabled={submitting}
              />
            </>
          )}

          {current === 'resolve' && (
            <>
              <TextField
                testId="field-resolve-text"
                label="办理结果"
                placeholder="写明怎么解决的，居民会看到"
                max={LIMITS.textMax}
                value={drafts.resolve.text}
                onChange={(text) => edit('resolve', { text })}
                error={errorFor('resolve', 'text')}
                disabled={submitting}
              />
              <Text className="admin-section-label">现场照片（最多 {LIMITS.photosMax} 张）</Text>
              <PhotoPicker testId="field-resolve-photos" folder={`appeals/${appeal.id}/resolution`} max={LIMITS.photosMax} photos={drafts.resolve.photos} onChange={(photos) => edit('resolve', { photos })} disabled={submitting} />
              {errorFor('resolve', 'photos') && <Text className="field-error">{errorFor('resolve', 'photos')}</Text>}
            </>
          )}

          {current === 'press' && (
            <TextField
              testId="field-press-note"
              label="督办意见"
              placeholder="例如：请于今日下班前反馈处理情况"
              max={LIMITS.reasonMax}
              value={drafts.press.note}
              onChange={(note) => edit('press', { note })}
              error={errorFor('press', 'note')}
              disabled={submitting}
            />
          )}

          {current === 'escalate' && (
            <TextField
              testId="field-escalate-reason"
              label="上报理由"
              placeholder="说明本级为何难以解决，需要上级协调什么"
              max={LIMITS.reasonMax}
              value={drafts.escalate.reason}
              onChange={(reason) => edit('escalate', { reason })}
              error={errorFor('escalate', 'reason')}
              disabled={submitting}
            />
          )}

          <View className="action-form__buttons">
            <Button size="small" onClick={() => setActive(null)} disabled={submitting}>
              收起
            </Button>
            <Button size="small" type="primary" loading={submitting} disabled={busy !== null} onClick={submit[current]} data-testid={`submit-${current}`}>
              {submitting ? '提交中…' : `确认${COMMANDS.find((c) => c.key === current)!.label}`}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
