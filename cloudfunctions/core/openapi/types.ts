/** The WeChat open-API port: the calls the functions make and their errors (see index.ts). */

/** The mini-program version a code opens: `JIAYUAN_MP_STATE` formal/trial/developer, as subscribe messages use it. */
export type EnvVersion = 'release' | 'trial' | 'develop';

export function envVersionOf(state: string | undefined): EnvVersion {
  if (state === 'trial') return 'trial';
  if (state === 'developer') return 'develop';
  return 'release';
}

export interface UnlimitedCodeRequest {
  /** ≤ 32 visible characters: the building code. */
  scene: string;
  /** A page path without a leading slash or query, e.g. `pages/scan/index`. */
  page: string;
  /** Pixels, 280–1280. */
  width: number;
}

/** A failed open-API call: WeChat's errcode and errmsg. */
export class OpenApiError extends Error {
  constructor(
    readonly api: string,
    readonly errCode: number,
    errMsg: string,
  ) {
    super(`${api} failed: ${errCode} ${errMsg}`);
    this.name = 'OpenApiError';
  }
}

export interface WxOpenApi {
  /** wxacode.getUnlimited: the mini-program code image (PNG bytes). */
  unlimitedCode(request: UnlimitedCodeRequest): Promise<Buffer>;
}
