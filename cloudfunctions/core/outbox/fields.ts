/**
 * WeChat subscribe-message field values, each cut to its documented limit
 * (developers.weixin.qq.com › 订阅消息 › 参数值内容限制). Pure.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const FIELD_KINDS = [
  'thing',
  'phrase',
  'character_string',
  'time',
  'date',
  'name',
  'phone_number',
  'number',
  'letter',
  'symbol',
  'car_number',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Characters (code points) allowed per kind. `name` is 10 Chinese or 20 letters. */
export const FIELD_LIMITS = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  name: 10,
  nameLatin: 20,
  phone_number: 17,
  number: 32,
  letter: 32,
  symbol: 5,
  car_number: 8,
} as const;

export const TIME_FORMAT = 'YYYY年MM月DD日 HH:mm';
export const DATE_FORMAT = 'YYYY年MM月DD日';
const ZONE = 'Asia/Shanghai';
/** WeChat rejects empty values (47003); a dash says "nothing here". */
export const EMPTY_VALUE = '-';

export type FieldInput = string | number | Date | null | undefined;

const HAN = /\p{Script=Han}/u;
const codePoints = (s: string) => Array.from(s);

function cut(s: string, max: number): string {
  const cps = codePoints(s);
  return cps.length <= max ? s : cps.slice(0, max).join('');
}

function clean(s: string): string {
  // Control characters and line breaks become spaces; runs of whitespace collapse.
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
}

function asText(value: FieldInput): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dayjs(value).tz(ZONE).format(TIME_FORMAT);
  return clean(String(value));
}

/** The value of one field, formatted and cut to the limit of its kind. */
export function formatField(kind: FieldKind, value: FieldInput): string {
  if (kind === 'time' || kind === 'date') {
    const format = kind === 'time' ? TIME_FORMAT : DATE_FORMAT;
    if (value instanceof Date) return dayjs(value).tz(ZONE).format(format);
    const parsed = typeof value === 'string' || typeof value === 'number' ? dayjs(value) : null;
    return parsed && parsed.isValid() ? parsed.tz(ZONE).format(format) : EMPTY_VALUE;
  }
  const s = asText(value);
  let out: string;
  switch (kind) {
    case 'thing': {
      // Long text keeps its start and ends with an ellipsis, within 20 characters in all.
      const cps = codePoints(s);
      out = cps.length <= FIELD_LIMITS.thing ? s : `${cps.slice(0, FIELD_LIMITS.thing - 1).join('')}…`;
      break;
    }
    case 'phrase':
      // 5 Chinese characters at most, Chinese only.
      out = cut(codePoints(s).filter((c) => HAN.test(c)).join(''), FIELD_LIMITS.phrase);
      break;
    case 'character_string':
      // Digits, letters and symbols (printable ASCII), 32 at most.
      out = cut(s.replace(/[^\x21-\x7e]/g, ''), FIELD_LIMITS.character_string);
      break;
    case 'name': {
      const latin = /^[\x20-\x7e]+$/.test(s);
      out = cut(s, latin ? FIELD_LIMITS.nameLatin : FIELD_LIMITS.name);
      break;
    }
    case 'phone_number':
      out = cut(s.replace(/[^0-9+\-() ]/g, '').trim(), FIELD_LIMITS.phone_number);
      break;
    case 'number':
      out = cut(s.replace(/[^0-9.]/g, ''), FIELD_LIMITS.number);
      break;
    case 'letter':
      out = cut(s.replace(/[^A-Za-z]/g, ''), FIELD_LIMITS.letter);
      break;
    case 'symbol':
      out = cut(s, FIELD_LIMITS.symbol);
      break;
    case 'car_number':
      out = cut(s.replace(/\s/g, ''), FIELD_LIMITS.car_number);
      break;
  }
  return out.length > 0 ? out : EMPTY_VALUE;
}

/** 'thing12' → 'thing', 'character_string3' → 'character_string'. */
export function fieldKindOf(key: string): FieldKind {
  const base = key.replace(/\d+$/, '');
  if (!(FIELD_KINDS as readonly string[]).includes(base)) throw new Error(`unknown subscribe-message field kind: ${key}`);
  return base as FieldKind;
}
