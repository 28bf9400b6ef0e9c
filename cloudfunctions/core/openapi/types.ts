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

/** security.msgSecCheck / mediaCheckAsync v2: scene 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export interface SecurityCheck {
  openid: string;
  scene: 1 | 2 | 3 | 4;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

export interface WxOpenApi {
  /** wxacode.getUnlimited: the mini-program code image (PNG bytes). */
  unlimitedCode(request: UnlimitedCodeRequest): Promise<Buffer>;
}

/** The calls content security and the outbox make in CloudBase (their local stand-ins are the word list and messageLog). */
export interface WxMessagingApi {
  /** security.msgSecCheck v2: WeChat's suggestion for a text. */
  msgSecCheck(request: SecurityCheck & { content: string }): Promise<{ suggest: string | null }>;
  /** security.mediaCheckAsync v2: the image is queued; the verdict comes later by its trace id. */
  mediaCheckAsync(request: SecurityCheck & { mediaUrl: string }): Promise<{ traceId: string | null }>;
  /** subscribeMessage.send. */
  sendSubscribe(message: SubscribeMessage): Promise<void>;
}
