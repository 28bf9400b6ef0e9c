/**
 * WeChat open-API calls (云调用) the functions make. In CloudBase: the official `wx-server-sdk`
 * `cloud.openapi` (wechat.ts), each call declared in the function's config.json `permissions.openapi`.
 * Locally (JIAYUAN_LOCAL=1) the local runtime answers the same calls (local.ts).
 */
import { localOpenApi } from './local';
import type { WxOpenApi } from './types';
import { wechatOpenApi } from './wechat';

export * from './types';

/** The open API of the environment the function runs in. */
export function openApi(env: NodeJS.ProcessEnv = process.env): WxOpenApi {
  if (env.JIAYUAN_LOCAL !== '1') return wechatOpenApi;
  if (!env.JIAYUAN_H5_URL) throw new Error('JIAYUAN_H5_URL is not set (the local runtime sets it)');
  return localOpenApi(env.JIAYUAN_H5_URL);
}
