import type { ErrorCode, FieldIssue } from '@contract/contract';

export type ClientErrorCode = ErrorCode | 'NETWORK';

const FALLBACK: Record<ClientErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限执行此操作',
  NOT_FOUND: '找不到相关内容',
  CONFLICT: '内容已被他人更新，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络连接失败，请检查网络后重试',
};

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message || FALLBACK[code]);
    this.name = 'ApiError';
  }

  /** The message for a form field or anything under it (`to` matches `to.target`), if the server flagged it. */
  fieldMessage(field: string): string | undefined {
    return this.issues.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('NETWORK', FALLBACK.NETWORK);
}
