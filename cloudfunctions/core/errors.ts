import type { ErrorCode, FieldIssue } from '../../types/contract';

/** A failure the caller should hear about. The router turns it into the result envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, [{ path, message }]);
export const forbidden = (message = '您没有权限执行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (message = '找不到相关记录') => new AppError('NOT_FOUND', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);
