/** The caller a function sees through `app.auth().getUserInfo()`. */
export interface CallerIdentity {
  openid: string;
  appid?: string;
  unionid?: string;
}

/**
 * What triggered an invocation. CloudBase exposes the chain as `TCB_SOURCE`
 * (`wx_client`, `wx_client,scf`, …); timers set `TRIGGER_SRC=timer`.
 */
export type InvocationKind = 'client' | 'function' | 'timer' | 'admin';

export interface InvocationSource {
  kind: InvocationKind;
  /** Value for TCB_SOURCE, e.g. `wx_client` or `wx_client,scf`. */
  chain: string;
  identity?: CallerIdentity;
  trigger?: string;
}

export interface InvokeResult {
  result: unknown;
  requestId: string;
}

export type FunctionErrorCode =
  | 'FUNCTION_NOT_FOUND'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
  | 'INVALID_PARAM'
  | 'RESOURCE_LIMIT'
  | 'HOST_CLOSED';

/** A failed invocation, with the code CloudBase's API would answer. */
export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
    readonly requestId: string,
    /** Stack or other detail for logs; not sent to browsers. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

/** One finished invocation, for logs and tests. */
export interface InvocationRecord {
  name: string;
  requestId: string;
  source: InvocationKind;
  trigger?: string;
  openid?: string;
  startedAt: Date;
  durationMs: number;
  ok: boolean;
  error?: { code: FunctionErrorCode; message: string };
}
