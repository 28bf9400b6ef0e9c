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

export interface ActionDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  roles: readonly Role[] | 'anyone';
  /** Phantom: carries the output type only. */
  readonly __output?: O;
}

export function action<O>() {
  return <I extends z.ZodType>(def: { input: I; roles: readonly Role[] | 'anyone' }): ActionDef<I, O> => def;
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
