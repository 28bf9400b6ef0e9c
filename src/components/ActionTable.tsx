import { useState, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ApiError, toApiError } from '@/api/errors';
import { Chips, type ChipOption } from './Chips';
import { PhotoPicker } from './PhotoPicker';
import { FieldError, TextField } from './TextField';
import { toast } from './toast';
import './ActionTable.scss';

/** What one field of an action's form is given to draw itself. */
export interface FieldProps<D, C> {
  draft: D;
  /** What every action of the table works on (the appeal, the booking …). */
  context: C;
  edit: (patch: Partial<D>) => void;
  /** The action's last failure, when it was this form's; the field shows its own issue. */
  error: ApiError | undefined;
  disabled: boolean;
  /** `field-<action>-<name>`. */
  testId: string;
}

export interface ActionField<D, C> {
  /** Its test id suffix. */
  name: string;
  /** The input path the server names in its issues for this field. */
  path: string;
  /** The form's own check before sending: a message when the draft lacks what is required. */
  missing?: (draft: D) => string | undefined;
  render: (props: FieldProps<D, C>) => ReactNode;
}

/** One action: its button, its form's fields (none: it runs on the tap) and its call. */
export interface ActionSpec<D, C, R> {
  label: string;
  /** The toast after it went through. */
  done: string;
  hint?: string;
  fields: ReadonlyArray<ActionField<D, C>>;
  send: (draft: D, context: C) => Promise<R>;
}

export type ActionSpecs<K extends string, D, C, R> = Record<K, ActionSpec<D, C, R>>;

/**
 * A table of actions, each with its form: the allowed actions as buttons; a tap opens the form (or
 * runs an action with no fields); submit checks, sends, and shows each error under its field or,
 * when no field of the form is named, in a banner. Typed input survives a failed call and switching
 * between forms; it is cleared once its action goes through. Test ids: `action-<key>`, `form-<key>`,
 * `submit-<key>`, `field-<key>-<name>`, `action-error`, `no-actions`.
 */
export function ActionTable<K extends string, D, C, R>({
  title,
  actions,
  order,
  allowed,
  context,
  emptyDraft,
  onDone,
  onFailure,
  failureNote,
  none,
  testId = 'action-panel',
}: {
  title: string;
  actions: ActionSpecs<K, D, C, R>;
  /** The buttons' order. */
  order: readonly K[];
  /** Whether the action is offered now. */
  allowed: (key: K) => boolean;
  context: C;
  emptyDraft: D;
  onDone: (result: R, key: K) => void;
  /** After a failed call, e.g. reload what someone else may have changed. */
  onFailure?: (error: ApiError) => Promise<void> | void;
  /** Words added to the banner for a failure (e.g. that the page was refreshed). */
  failureNote?: (error: ApiError) => string;
  /** Said when no action is allowed. */
  none: ReactNode;
  testId?: string;
}) {
  const [active, setActive] = useState<K | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<K, D>>>({});
  const [busy, setBusy] = useState<K | null>(null);
  const [failure, setFailure] = useState<{ key: K; error: ApiError }>();

  const offered = order.filter(allowed);
  const draftOf = (key: K): D => drafts[key] ?? emptyDraft;
  const edit = (key: K, patch: Partial<D>) => setDrafts((d) => ({ ...d, [key]: { ...(d[key] ?? emptyDraft), ...patch } }));

  const submit = async (key: K) => {
    if (busy) return;
    const spec = actions[key];
    const draft = draftOf(key);
    for (const field of spec.fields) {
      const message = field.missing?.(draft);
      if (message) return setFailure({ key, error: new ApiError('INVALID_INPUT', message, [{ path: field.path, message }]) });
    }
    setBusy(key);
    setFailure(undefined);
    try {
      const result = await spec.send(draft, context);
      setDrafts((d) => ({ ...d, [key]: undefined }));
      setActive(null);
      onDone(result, key);
      toast(spec.done);
    } catch (err) {
      const error = toApiError(err);
      setFailure({ key, error });
      await onFailure?.(error);
    } finally {
      setBusy(null);
    }
  };

  const open = (key: K) => {
    if (actions[key].fields.length === 0) return void submit(key);
    setActive(active === key ? null : key);
    if (failure?.key !== key) setFailure(undefined);
  };

  const current = active && allowed(active) ? active : null;
  const submitting = busy !== null && busy === current;
  const formError = failure && failure.key === current ? failure.error : undefined;
  // A form's invalid input is said under its fields; anything else in the banner.
  const underFields = current !== null && formError?.code === 'INVALID_INPUT' && actions[current].fields.some((f) => formError.fieldMessage(f.path));

  return (
    <View className="card action-table" data-testid={testId}>
      <Text className="card__title">{title}</Text>
      {failure && !underFields && (
        <Text className="action-table__banner" data-testid="action-error">
          {failure.error.message}
          {failureNote?.(failure.error) ?? ''}
        </Text>
      )}
      {offered.length === 0 ? (
        <Text className="muted" data-testid="no-actions">
          {none}
        </Text>
      ) : (
        <View className="action-table__buttons">
          {offered.map((key) => {
            const instant = actions[key].fields.length === 0;
            return (
              <Button
                key={key}
                size="small"
                type={instant || current === key ? 'primary' : 'default'}
                loading={instant && busy === key}
                disabled={busy !== null}
                onClick={() => open(key)}
                data-testid={`action-${key}`}
              >
                {actions[key].label}
              </Button>
            );
          })}
        </View>
      )}

      {current && (
        <View className="action-table__form" data-testid={`form-${current}`}>
          {actions[current].hint && <Text className="muted">{actions[current].hint}</Text>}
          {actions[current].fields.map((field) => (
            <View key={field.name}>
              {field.render({
                draft: draftOf(current),
                context,
                edit: (patch) => edit(current, patch),
                error: formError,
                disabled: submitting,
                testId: `field-${current}-${field.name}`,
              })}
            </View>
          ))}
          <View className="action-table__form-buttons">
            <Button size="small" onClick={() => setActive(null)} disabled={submitting}>
              收起
            </Button>
            <Button size="small" type="primary" loading={submitting} disabled={busy !== null} onClick={() => void submit(current)} data-testid={`submit-${current}`}>
              {submitting ? '提交中…' : `确认${actions[current].label}`}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** Field kinds the forms are made of. */

/** A text the draft holds at `key` (a reply, a reason, a note …). */
export function textField<D, C>(options: {
  name: string;
  /** The input path; `name` when absent. */
  path?: string;
  label: string;
  placeholder: string;
  maxLength: number;
  /** The message when empty; optional when absent. */
  required?: string;
  get: (draft: D) => string;
  set: (value: string) => Partial<D>;
}): ActionField<D, C> {
  const path = options.path ?? options.name;
  return {
    name: options.name,
    path,
    missing: (draft) => (options.required && !options.get(draft).trim() ? options.required : undefined),
    render: ({ draft, edit, error, disabled, testId }) => (
      <TextField
        testId={testId}
        path={path}
        label={options.label}
        placeholder={options.placeholder}
        maxLength={options.maxLength}
        value={options.get(draft)}
        onChange={(value) => edit(options.set(value))}
        error={error}
        disabled={disabled}
      />
    ),
  };
}

/** One choice among chips (whom to transfer to, a rating …). */
export function choiceField<D, C, V extends string>(options: {
  name: string;
  path: string;
  label: string;
  options: ReadonlyArray<ChipOption<V>>;
  required?: string;
  get: (draft: D) => V | null;
  set: (value: V | null) => Partial<D>;
}): ActionField<D, C> {
  return {
    name: options.name,
    path: options.path,
    missing: (draft) => (options.required && options.get(draft) === null ? options.required : undefined),
    render: ({ draft, edit, error, disabled, testId }) => (
      <>
        <Text className="text-field__label">{options.label}</Text>
        <Chips<V | null> testId={testId} value={options.get(draft)} onChange={(value) => edit(options.set(value))} options={options.options} disabled={disabled} />
        <FieldError testId={testId} message={error?.fieldMessage(options.path)} />
      </>
    ),
  };
}

/** Photos uploaded into a folder that depends on what the table works on. */
export function photosField<D, C>(options: {
  name?: string;
  path?: string;
  label: string;
  max: number;
  folder: (context: C) => string;
  get: (draft: D) => string[];
  set: (photos: string[]) => Partial<D>;
}): ActionField<D, C> {
  const path = options.path ?? 'photos';
  return {
    name: options.name ?? 'photos',
    path,
    render: ({ draft, context, edit, error, disabled, testId }) => (
      <>
        <Text className="text-field__label">{options.label}</Text>
        <PhotoPicker
          testId={testId}
          folder={options.folder(context)}
          max={options.max}
          photos={options.get(draft)}
          onChange={(photos) => edit(options.set(photos))}
          disabled={disabled}
        />
        <FieldError testId={testId} message={error?.fieldMessage(path)} />
      </>
    ),
  };
}
