/**
 * The pasted schedule: one day (or a range of days) per line, e.g.
 *   2027-02-05 春节
 *   2027-02-05 至 2027-02-13 春节
 *   2027-02-20 补班
 * A line whose name says 补班 or 上班 is a make-up working day; any other is a day off. Pure, so the
 * server's issues (`holidays.3.date`) can be traced back to the line they came from.
 */
import type { CalendarDayView } from '@contract/calendar';

export interface PastedDay {
  date: string;
  name: string;
}

export interface ParsedLines {
  holidays: PastedDay[];
  makeupDays: PastedDay[];
  /** The 1-based line of each entry, to place the server's issues. */
  lineOf: { holidays: number[]; makeupDays: number[] };
  /** Lines that could not be read. */
  errors: Array<{ line: number; message: string }>;
}

const DATE = String.raw`(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?`;
const LINE = new RegExp(String.raw`^${DATE}(?:\s*(?:至|到|~|～|—)\s*${DATE})?[\s,，:：、]*(.*)$`);
const MAX_RANGE_DAYS = 31;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

function toDay(y: string, m: string, d: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${pad(Number(m))}-${pad(Number(d))}`;
}

export const isMakeupName = (name: string) => /补班|上班/.test(name);

export function parseLines(text: string): ParsedLines {
  const out: ParsedLines = { holidays: [], makeupDays: [], lineOf: { holidays: [], makeupDays: [] }, errors: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (!s || s.startsWith('#')) return;
    const m = LINE.exec(s);
    if (!m) {
      out.errors.push({ line, message: '无法识别，应写成“2027-02-05 春节”或“2027-02-20 补班”' });
      return;
    }
    const from = toDay(m[1], m[2], m[3]);
    const to = m[4] ? toDay(m[4], m[5], m[6]) : from;
    const name = m[7].trim();
    if (!from || !to) {
      out.errors.push({ line, message: '日期不存在' });
      return;
    }
    const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
    if (span < 0 || span >= MAX_RANGE_DAYS) {
      out.errors.push({ line, message: span < 0 ? '结束日期早于开始日期' : `一行最多${MAX_RANGE_DAYS}天` });
      return;
    }
    if (!name) {
      out.errors.push({ line, message: '请写上节日名称，补班日写“补班”' });
      return;
    }
    const kind = isMakeupName(name) ? 'makeupDays' : 'holidays';
    for (let k = 0; k <= span; k += 1) {
      out[kind].push({ date: new Date(Date.parse(from) + k * DAY_MS).toISOString().slice(0, 10), name });
      out.lineOf[kind].push(line);
    }
  });
  return out;
}

/** The year's days as lines to edit: a day off with its name, a make-up day as its name (…补班). */
export function toLines(days: ReadonlyArray<Pick<CalendarDayView, 'date' | 'kind' | 'name'>>): string {
  return days.map((d) => `${d.date} ${d.kind === 'makeup' && !isMakeupName(d.name) ? '补班' : d.name}`).join('\n');
}
