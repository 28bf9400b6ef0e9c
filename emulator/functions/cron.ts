import { Cron } from 'croner';

/**
 * A CloudBase timer expression: 7 fields, `sec min hour day month week year`
 * (week 0-6 with 0 = Sunday, or SUN-SAT). croner handles the first six; the year
 * field is checked when the job fires.
 */
export interface CloudbaseCron {
  expression: string;
  /** The six croner fields. */
  pattern: string;
  /** Null when every year matches. */
  years: ((year: number) => boolean) | null;
}

function parseYears(field: string): ((year: number) => boolean) | null {
  if (field === '*') return null;
  const parts = field.split(',').map((part) => {
    const match = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`年份字段无法解析：${field}`);
    const from = match[1] === '*' ? 1970 : Number(match[1]);
    const to = match[2] ? Number(match[2]) : match[1] === '*' || match[3] ? 9999 : from;
    const step = match[3] ? Number(match[3]) : 1;
    if (step < 1 || to < from) throw new Error(`年份字段无法解析：${field}`);
    return { from, to, step };
  });
  return (year) => parts.some(({ from, to, step }) => year >= from && year <= to && (year - from) % step === 0);
}

export function parseCloudbaseCron(expression: string): CloudbaseCron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) {
    throw new Error(`定时触发器表达式应有 7 个字段（秒 分 时 日 月 星期 年）：${expression}`);
  }
  const pattern = fields.slice(0, 6).join(' ');
  // Throws on an invalid pattern.
  new Cron(pattern, { paused: true, timezone: 'Asia/Shanghai' }).stop();
  return { expression, pattern, years: parseYears(fields[6]) };
}

/** The year in Asia/Shanghai (UTC+8, no DST) at `date`. */
export function shanghaiYear(date: Date): number {
  return new Date(date.getTime() + 8 * 3600_000).getUTCFullYear();
}
