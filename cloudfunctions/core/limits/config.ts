/**
 * Rate limits, the one place for their numbers. Each named limit (declared by actions as
 * `limit: '<name>'` in types/) allows `max` calls per caller in each fixed window (aligned to
 * Asia/Shanghai time, so a day window turns over at midnight there).
 *
 * `JIAYUAN_LIMITS` overrides them for a deployment or a test run: `off` turns every limit off;
 * a JSON object replaces the windows of the limits it names, e.g.
 * `{"appealCreate":[{"max":3,"windowSec":3600}]}`.
 */
import { z } from 'zod';
import { LIMIT_NAMES, type LimitName } from '../../../types/contract';

export interface LimitWindow {
  max: number;
  windowSec: number;
}

export interface LimitSpec {
  /** What the caller is doing, for the message: 「提交诉求太频繁了……」. */
  label: string;
  windows: readonly LimitWindow[];
}

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

export const LIMITS: Record<LimitName, LimitSpec> = {
  appealCreate: { label: '提交诉求', windows: [{ max: 10, windowSec: HOUR }, { max: 30, windowSec: DAY }] },
  appealFollow: { label: '关注诉求', windows: [{ max: 30, windowSec: HOUR }] },
  appealPress: { label: '督办', windows: [{ max: 20, windowSec: HOUR }] },
  appealSimilar: { label: '查询', windows: [{ max: 60, windowSec: MINUTE }] },
  appealRate: { label: '评价', windows: [{ max: 20, windowSec: HOUR }, { max: 50, windowSec: DAY }] },
  appealReply: { label: '回复', windows: [{ max: 120, windowSec: HOUR }] },
  bookingCreate: { label: '预约', windows: [{ max: 10, windowSec: HOUR }, { max: 20, windowSec: DAY }] },
  bookingPhone: { label: '代客预约', windows: [{ max: 120, windowSec: HOUR }] },
  bookingChange: { label: '取消或改约', windows: [{ max: 10, windowSec: HOUR }, { max: 30, windowSec: DAY }] },
  bookingRate: { label: '评价', windows: [{ max: 20, windowSec: HOUR }, { max: 50, windowSec: DAY }] },
  councilRaise: { label: '提出议题', windows: [{ max: 5, windowSec: HOUR }, { max: 20, windowSec: DAY }] },
  councilComment: { label: '发表评论', windows: [{ max: 30, windowSec: HOUR }, { max: 100, windowSec: DAY }] },
  volunteerJoin: { label: '加入服务队', windows: [{ max: 20, windowSec: HOUR }] },
  volunteerSignUp: { label: '活动报名', windows: [{ max: 30, windowSec: HOUR }, { max: 100, windowSec: DAY }] },
  volunteerManage: { label: '发布活动', windows: [{ max: 30, windowSec: HOUR }] },
  volunteerCertificate: { label: '开具证明', windows: [{ max: 10, windowSec: DAY }] },
  ledgerExport: { label: '导出台账', windows: [{ max: 10, windowSec: HOUR }, { max: 30, windowSec: DAY }] },
  posterBatch: { label: '生成海报', windows: [{ max: 10, windowSec: HOUR }, { max: 30, windowSec: DAY }] },
  staffInvite: { label: '邀请工作人员', windows: [{ max: 30, windowSec: HOUR }, { max: 100, windowSec: DAY }] },
};

export const LIMITS_ENV = 'JIAYUAN_LIMITS';

const Windows = z.array(z.object({ max: z.number().int().min(0), windowSec: z.number().int().min(1).max(31 * DAY) }));
const Overrides = z.partialRecord(z.enum(LIMIT_NAMES), Windows);

/** The windows of `name` in force, or none when limits are off. Throws on a malformed override. */
export function limitWindows(name: LimitName, env: NodeJS.ProcessEnv = process.env): readonly LimitWindow[] {
  const raw = env[LIMITS_ENV]?.trim();
  if (!raw) return LIMITS[name].windows;
  if (raw === 'off') return [];
  const parsed = Overrides.safeParse(safeJson(raw));
  if (!parsed.success) throw new Error(`${LIMITS_ENV} 无法解析：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data[name] ?? LIMITS[name].windows;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
