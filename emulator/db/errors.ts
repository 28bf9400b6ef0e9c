/** Error codes the CloudBase database API returns (docs.cloudbase.net/error-code). */
export const ErrorCode = {
  InvalidParam: 'INVALID_PARAM',
  InvalidAction: 'INVALID_ACTION',
  CollectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  CollectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  DuplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  TransactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  TransactionFail: 'DATABASE_TRANSACTION_FAIL',
  RequestFailed: 'DATABASE_REQUEST_FAILED',
} as const;

type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error that becomes a `{ code, message }` response. */
export class DbError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export const invalidParam = (message: string): DbError => new DbError(ErrorCode.InvalidParam, message);

export const duplicateId = (collection: string, id: unknown): DbError =>
  new DbError(ErrorCode.DuplicateWrite, `duplicate _id ${JSON.stringify(id)} in collection '${collection}'`);
