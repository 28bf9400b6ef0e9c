import type { z } from 'zod';

/** Who may call an action. `anyone` means any signed-in WeChat user, even one with no profile yet. */
export const ROLES = [
  'resident',
  'volunteer',
  'grid_worker',
  'community_staff',
  'street_commander',
  'district_commander',
  'property_staff',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  grid_worker: '网格员',
  community_staff: '社区工作者',
  street_commander: '街道分中心',
  district_commander: '区市指挥中心',
  property_staff: '物业',
};

export const STAFF_ROLES: readonly Role[] = [
  'grid_worker',
  'community_staff',
  'street_commander',
  'district_commander',
  'property_staff',
];

/**
 * Named rate limits an action may declare (`limit:`). The numbers live in one server config
 * (`cloudfunctions/core/limits/config.ts`); the router enforces them per caller before the handler.
 */
export const LIMIT_NAMES = [
  'appealCreate',
  'appealFollow',
  'appealPress',
  'appealSimilar',
  'appealRate',
  'appealReply',
  'bookingCreate',
  'bookingPhone',
  'bookingChange',
  'bookingRate',
  'councilRaise',
  'councilComment',
  'volunteerJoin',
  'volunteerSignUp',
  'volunteerManage',
  'volunteerCertificate',
  'ledgerExport',
  'posterBatch',
  'staffInvite',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

/** WeChat content security scenes (msgSecCheck v2 `scene`: 1 资料, 2 评论, 3 论坛, 4 社交日志). */
export type ContentScene = 'profile' | 'comment' | 'forum' | 'social';

/** The keys of a parsed input whose value is text (a string or a list of strings). */
export type TextFieldOf<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends string | readonly string[] ? K : never;
}[keyof T] &
  string;
/** The keys of a parsed input whose value is a list of strings (fileIDs). */
export type ListFieldOf<T> = { [K in keyof T]-?: NonNullable<T[K]> extends readonly string[] ? K : never }[keyof T] & string;

/**
 * Which input fields the router screens after validation: `text` through content security,
 * `images` (cloud fileIDs) for ownership (`uploads/<openid>/…` in this environment) and content.
 */
export interface ScreenDef<Text extends string = string, Images extends string = string> {
  text?: readonly Text[];
  images?: readonly Images[];
  /** Default `comment`. */
  scene?: ContentScene;
}

/** What screening concluded about input that may be stored: `review` waits for staff before others see it. */
export type Screening = 'pass' | 'review';

export interface ActionDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  roles: readonly Role[] | 'anyone';
  /** A rate limit per caller; over it the call fails with `RATE_LIMITED`. */
  limit?: LimitName;
  /** Fields to screen; risky content fails with `INVALID_INPUT` on the field path. */
  screen?: ScreenDef;
  /** Phantom: carries the output type only. */
  readonly __output?: O;
}

export function action<O>() {
  return <I extends z.ZodType>(def: {
    input: I;
    roles: readonly Role[] | 'anyone';
    limit?: LimitName;
    screen?: ScreenDef<TextFieldOf<z.output<NoInfer<I>>>, ListFieldOf<z.output<NoInfer<I>>>>;
  }): ActionDef<I, O> => def;
}

export type FunctionContract = Record<string, ActionDef>;

export type InputOf<A> = A extends ActionDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<A> = A extends ActionDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<A> = A extends ActionDef<z.ZodType, infer O> ? O : never;

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  requestId?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** What the app sends as `data` to `callFunction`. */
export interface CallEvent {
  action: string;
  input?: unknown;
}
