import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AppealCommand, AppealDetail, RoutingTarget } from '@contract/appeals';
import { APPEAL_LIMITS } from '@contract/appeals.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { PhotoPicker } from '@/components/PhotoPicker';
import { Chips } from '@/components/Chips';
import { TARGETS } from '../shared/labels';

/** The staff commands this page offers (rate and follow are the resident's). */
type StaffCommand = Exclude<AppealCommand, 'rate' | 'follow'>;

/** What is typed into a command's form; each form uses the parts its spec names. */
interface Draft {
  text: string;
  photos: string[];
  target: RoutingTarget | null;
}

const EMPTY_DRAFT: Draft = { text: '', photos: [], target: null };

type Base = { id: string; version: number };

/**
 * One command: its button, its form (the fields it names, shown in the order target, text, photos)
 * and its call. A command with no fields (签收) runs on the tap.
 */
interface CommandSpec {
  label: string;
  done: string;
  hint: string;
  /** Whom to transfer to; sent as `to.target`. */
  target?: { label: string; required: string };
  /** The command's text; `name` is the input field it is sent as (and its test id). */
  text?: { name: 'text' | 'reason' | 'note'; label: string; placeholder: string; max: number; required: string };
  /** Optional photos, uploaded under `appeals/<id>/<folder>`. */
  photos?: { label: string; folder: string };
  send: (base: Base, draft: Draft) => Promise<AppealDetail>;
}

const COMMANDS: Record<StaffCommand, CommandSpec> = {
  claim: {
    label: '签收',
    done: '已签收',
    hint: '签收后由您首问负责，跟进到办结。',
    send: (base) => api.appeals.claim(base),
  },
  reply: {
    label: '回复',
    done: '已回复',
    hint: '向居民说明办理进展，居民会在诉求进度中看到。',
    text: { name: 'text', label: '回复内容', placeholder: '向居民说明办理进展', max: APPEAL_LIMITS.textMax, required: '请填写回复内容' },
    photos: { label: '照片（选填）', folder: 'replies' },
    send: (base, { text, photos }) => api.appeals.reply({ ...base, text, photos }),
  },
  transfer: {
    label: '转办',
    done: '已转办',
    hint: '交给更合适的办理方，需写明理由。',
    target: { label: '转办给', required: '请选择转办对象' },
    text: {
      name: 'reason',
      label: '转办理由（必填）',
      placeholder: '例如：属物业维修范围，请物业公司处理',
      max: APPEAL_LIMITS.reasonMax,
      required: '请填写转办理由',
    },
    send: (base, { target, text }) => api.appeals.transfer({ ...base, to: { target: target! }, reason: text }),
  },
  resolve: {
    label: '办结',
    done: '已办结',
    hint: '填写办理结果并上传现场照片，居民将收到评价邀请。',
    text: { name: 'text', label: '办理结果', placeholder: '写明怎么解决的，居民会看到', max: APPEAL_LIMITS.textMax, required: '请填写办理结果' },
    photos: { label: `现场照片（最多 ${APPEAL_LIMITS.photosMax} 张）`, folder: 'resolution' },
    send: (base, { text, photos }) => api.appeals.resolve({ ...base, text, photos }),
  },
  press: {
    label: '督办',
    done: '已督办',
    hint: '督促当前办理方尽快办理。',
    text: { name: 'note', label: '督办意见', placeholder: '例如：请于今日下班前反馈处理情况', max: APPEAL_LIMITS.reasonMax, required: '请填写督办意见' },
    send: (base, { text }) => api.appeals.press({ ...base, note: text }),
  },
  escalate: {
    label: '上报',
    done: '已上报',
    hint: '本级难以解决时上报上一级（下呼上应）。',
    text: {
      name: 'reason',
      label: '上报理由',
      placeholder: '说明本级为何难以解决，需要上级协调什么',
      max: APPEAL_LIMITS.reasonMax,
      required: '请填写上报理由',
    },
    send: (base, { text }) => api.appeals.escalate({ ...base, reason: text }),
  },
};

const ORDER = Object.keys(COMMANDS) as StaffCommand[];

const hasForm = (spec: CommandSpec) => Boolean(spec.target || spec.text || spec.photos);

/** The input fields a command's form shows; an INVALID_INPUT issue on another path goes to the banner. */
const fieldsOf = (spec: CommandSpec) => [spec.target && 'to', spec.text?.name, spec.photos && 'photos'].filter((f): f is string => Boolean(f));

const required = (field: string, message: string) => new ApiError('INVALID_INPUT', message, [{ path: field, message }]);

/** The client's own check before sending: what the form requires and is empty. */
function missing(spec: CommandSpec, draft: Draft): ApiError | undefined {
  if (spec.target && !draft.target) return required('to', spec.target.required);
  if (spec.text && !draft.text.trim()) return required(spec.text.name, spec.text.required);
  return undefined;
}

function FieldError({ testId, message }: { testId: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Text className="field-error" data-testid={`${testId}-error`}>
      {message}
    </Text>
  );
}

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
      <FieldError testId={testId} message={error} />
    </View>
  );
}

/**
 * The commands `can` allows now, each with its form. Typed text survives a failed call; on CONFLICT
 * the page reloads the appeal (`onStale`) and the message says why.
 */
export function ActionPanel({ appeal, onDone, onStale }: { appeal: AppealDetail; onDone: (next: AppealDetail) => void; onStale: () => Promise<void> }) {
  const [active, setActive] = useState<StaffCommand | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<StaffCommand, Draft>>>({});
  const [busy, setBusy] = useState<StaffCommand | null>(null);
  const [failure, setFailure] = useState<{ command: StaffCommand; error: ApiError }>();

  const allowed = ORDER.filter((command) => appeal.can[command]);
  const draftOf = (command: StaffCommand) => drafts[command] ?? EMPTY_DRAFT;
  const edit = (command: StaffCommand, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [command]: { ...(d[command] ?? EMPTY_DRAFT), ...patch } }));

  const submit = async (command: StaffCommand) => {
    if (busy) return;
    const spec = COMMANDS[command];
    const draft = draftOf(command);
    const invalid = missing(spec, draft);
    if (invalid) return setFailure({ command, error: invalid });
    setBusy(command);
    setFailure(undefined);
    try {
      const next = await spec.send({ id: appeal.id, version: appeal.version }, draft);
      setDrafts((d) => ({ ...d, [command]: undefined }));
      setActive(null);
      onDone(next);
      void Taro.showToast({ title: spec.done, icon: 'success' });
    } catch (err) {
      const error = toApiError(err);
      setFailure({ command, error });
      // Someone else moved the appeal on (or it left our reach): show what it is now.
      if (error.code === 'CONFLICT' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') await onStale();
    } finally {
      setBusy(null);
    }
  };

  const openForm = (command: StaffCommand) => {
    if (!hasForm(COMMANDS[command])) return void submit(command);
    setActive(active === command ? null : command);
    if (failure?.command !== command) setFailure(undefined);
  };

  const current = active && appeal.can[active] ? active : null;
  const submitting = busy === current && current !== null;
  const errorFor = (field: string) => (failure && failure.command === current ? failure.error.fieldMessage(field) : undefined);
  const bannerShown =
    failure && !(failure.error.code === 'INVALID_INPUT' && failure.command === current && fieldsOf(COMMANDS[failure.command]).some((f) => failure.error.fieldMessage(f)));

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
          {allowed.map((command) => {
            const instant = !hasForm(COMMANDS[command]);
            return (
              <Button
                key={command}
                size="small"
                type={instant || current === command ? 'primary' : 'default'}
                loading={instant && busy === command}
                disabled={busy !== null}
                onClick={() => openForm(command)}
                data-testid={`action-${command}`}
              >
                {COMMANDS[command].label}
              </Button>
            );
          })}
        </View>
      )}

      {current && (
        <View className="action-form" data-testid={`form-${current}`}>
          <Text className="muted">{COMMANDS[current].hint}</Text>
          <CommandFields command={current} appeal={appeal} draft={draftOf(current)} onEdit={(patch) => edit(current, patch)} errorFor={errorFor} disabled={submitting} />
          <View className="action-form__buttons">
            <Button size="small" onClick={() => setActive(null)} disabled={submitting}>
              收起
            </Button>
            <Button size="small" type="primary" loading={submitting} disabled={busy !== null} onClick={() => void submit(current)} data-testid={`submit-${current}`}>
              {submitting ? '提交中…' : `确认${COMMANDS[current].label}`}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** The fields `COMMANDS[command]` names, in the order target, text, photos; test ids are `field-<command>-<field>`. */
function CommandFields({
  command,
  appeal,
  draft,
  onEdit,
  errorFor,
  disabled,
}: {
  command: StaffCommand;
  appeal: AppealDetail;
  draft: Draft;
  onEdit: (patch: Partial<Draft>) => void;
  errorFor: (field: string) => string | undefined;
  disabled: boolean;
}) {
  const { target, text, photos } = COMMANDS[command];
  const id = (field: string) => `field-${command}-${field}`;
  return (
    <>
      {target && (
        <>
          <Text className="admin-section-label">{target.label}</Text>
          <Chips
            testId={id('target')}
            value={draft.target}
            onChange={(value) => onEdit({ target: value })}
            options={TARGETS.map((t) => ({ value: t.value, label: t.label }))}
            disabled={disabled}
          />
          <FieldError testId={id('target')} message={errorFor('to')} />
        </>
      )}
      {text && (
        <TextField
          testId={id(text.name)}
          label={text.label}
          placeholder={text.placeholder}
          max={text.max}
          value={draft.text}
          onChange={(value) => onEdit({ text: value })}
          error={errorFor(text.name)}
          disabled={disabled}
        />
      )}
      {photos && (
        <>
          <Text className="admin-section-label">{photos.label}</Text>
          <PhotoPicker
            testId={id('photos')}
            folder={`appeals/${appeal.id}/${photos.folder}`}
            max={APPEAL_LIMITS.photosMax}
            photos={draft.photos}
            onChange={(value) => onEdit({ photos: value })}
            disabled={disabled}
          />
          <FieldError testId={id('photos')} message={errorFor('photos')} />
        </>
      )}
    </>
  );
}
