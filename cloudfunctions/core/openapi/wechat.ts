/** The open-API calls in CloudBase, through the official wx-server-sdk `cloud.openapi` (云调用). */
import cloudSdk from 'wx-server-sdk';
import { envVersionOf, OpenApiError, type WxMessagingApi, type WxOpenApi } from './types';

let initialised = false;
function sdk(): typeof cloudSdk {
  if (!initialised) {
    // the function's own environment, as the SDK documents it (its .d.ts types the symbol too narrowly)
    cloudSdk.init({ env: cloudSdk.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloudSdk;
}

interface CodeResult {
  errCode?: number;
  errMsg?: string;
  contentType?: string;
  buffer?: Buffer;
}

export const wechatOpenApi: WxOpenApi = {
  async unlimitedCode({ scene, page, width }) {
    const result = (await sdk().openapi.wxacode.getUnlimited({
      scene,
      page,
      width,
      // the page exists in every version; a trial or developer version is not "published"
      checkPath: false,
      envVersion: envVersionOf(process.env.JIAYUAN_MP_STATE),
    })) as CodeResult;
    if (result.errCode || !result.buffer) throw new OpenApiError('wxacode.getUnlimited', result.errCode ?? -1, result.errMsg ?? 'no image');
    return Buffer.from(result.buffer);
  },
};

interface OpenApiResult {
  errCode?: number;
  errMsg?: string;
  result?: { suggest?: string };
  traceId?: string;
}

/** Calls one `cloud.openapi` method; WeChat's refusal (thrown or returned) becomes an OpenApiError with its errcode. */
async function call(api: string, request: Record<string, unknown>): Promise<OpenApiResult> {
  const [group, method] = api.split('.');
  let result: OpenApiResult;
  try {
    result = (await sdk().openapi[group][method](request)) as OpenApiResult;
  } catch (error) {
    const e = error as { errCode?: number; errMsg?: string; message?: string };
    throw new OpenApiError(api, typeof e.errCode === 'number' ? e.errCode : -1, e.errMsg ?? e.message ?? String(error));
  }
  if (result.errCode) throw new OpenApiError(api, result.errCode, result.errMsg ?? '');
  return result;
}

export const wechatMessaging: WxMessagingApi = {
  async msgSecCheck({ content, openid, scene }) {
    const result = await call('security.msgSecCheck', { content, version: 2, scene, openid });
    return { suggest: result.result?.suggest ?? null };
  },
  async mediaCheckAsync({ mediaUrl, openid, scene }) {
    const result = await call('security.mediaCheckAsync', { mediaUrl, mediaType: 2, version: 2, scene, openid });
    return { traceId: result.traceId ?? null };
  },
  async sendSubscribe({ touser, templateId, page, data, miniprogramState }) {
    await call('subscribeMessage.send', { touser, templateId, page, data, miniprogramState, lang: 'zh_CN' });
  },
};
