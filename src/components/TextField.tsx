import { View, Text, Textarea, Input } from '@tarojs/components';
import type { ApiError } from '@/api/errors';
import './TextField.scss';

/**
 * A field's error in words, under the field. With `testId` it gets `${testId}-error`; `ariaRole`
 * makes screen readers on WeChat read it out when it appears.
 */
export function FieldError({ message, testId }: { message: string | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <View className="field-error" ariaRole="alert" data-testid={testId ? `${testId}-error` : undefined}>
      <Text>{message}</Text>
    </View>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** On the input itself; the error under it gets `${testId}-error`. */
  testId: string;
  /** The input path the server names in its issues (`description`, `reason`, `to.target` …). */
  path: string;
  /** The last failed call or client check; this field shows its issue at `path`, if any. */
  error?: ApiError;
  placeholder?: string;
  maxLength: number;
  /** A textarea (the default) or a one-line input. */
  kind?: 'textarea' | 'tall' | 'line' | 'number';
  /** `title`: the label is the card's title (one field in a card); `section`: a small label above. */
  labelAs?: 'title' | 'section';
  /** Shows `n/max` under a textarea (on by default for textareas). */
  counter?: boolean;
  disabled?: boolean;
}

/**
 * A labelled text input whose error comes from the server's (or the form's) issue at `path`. The
 * error is said with the field: it sits under it and is part of the input's accessible label.
 */
export function TextField({
  label,
  value,
  onChange,
  testId,
  path,
  error,
  placeholder,
  maxLength,
  kind = 'textarea',
  labelAs = 'section',
  counter,
  disabled,
}: TextFieldProps) {
  const message = error?.fieldMessage(path);
  const ariaLabel = message ? `${label}：${message}` : label;
  const multiline = kind === 'textarea' || kind === 'tall';
  // In H5 Taro puts `ariaLabel` on its wrapper; the field itself is named (with its error) through nativeProps.
  const native = { 'aria-label': ariaLabel, 'aria-invalid': message ? 'true' : 'false' };
  return (
    <View className="text-field">
      <Text className={labelAs === 'title' ? 'card__title' : 'text-field__label'}>{label}</Text>
      {multiline ? (
        <Textarea
          className={`textarea${kind === 'tall' ? ' textarea--tall' : ''}${message ? ' textarea--error' : ''}`}
          data-testid={testId}
          value={value}
          placeholder={placeholder}
          maxlength={maxLength}
          disabled={disabled}
          ariaLabel={ariaLabel}
          nativeProps={native}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className={`text-field__line${message ? ' text-field__line--error' : ''}`}
          data-testid={testId}
          type={kind === 'number' ? 'number' : 'text'}
          value={value}
          placeholder={placeholder}
          maxlength={maxLength}
          disabled={disabled}
          ariaLabel={ariaLabel}
          nativeProps={native}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {(counter ?? multiline) && (
        <Text className="muted text-field__count">
          {Array.from(value).length}/{maxLength}
        </Text>
      )}
      <FieldError testId={testId} message={message} />
    </View>
  );
}
