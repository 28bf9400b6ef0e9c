/** The open-API calls in CloudBase, through the official wx-server-sdk `cloud.openapi` (云调用). */
import cloudSdk from 'wx-server-sdk';
import { envVersionOf, OpenApiError, type WxOpenApi } from './types';

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
