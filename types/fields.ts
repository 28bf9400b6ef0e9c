/** Input pieces every contract uses: text counted in characters, phone numbers, calendar days. */
import { z } from 'zod';
import { isCalendarDate } from './calendar';

const chars = (s: string) => Array.from(s).length;

/** Text limited by characters (code points), not UTF-16 units, so an emoji counts once. */
export const text = (max: number, label: string, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((s) => chars(s) >= min, { message: min > 1 ? `${label}至少${min}个字` : `请填写${label}` })
    .refine((s) => chars(s) <= max, { message: `${label}不能超过${max}字` });

/** Optional text: an empty or blank string counts as not given. */
export const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max, label).optional());

export const PhoneNumber = z
  .string({ error: '请填写联系电话' })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: '请填写正确的手机号或座机号' });

/** 'YYYY-MM-DD', a real date (no 02-30). */
export const Day = z.string().trim().refine(isCalendarDate, { message: '日期格式应为 YYYY-MM-DD，且须是真实日期' });
