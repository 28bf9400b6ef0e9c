/**
 * Content security. In CloudBase: WeChat's `security.msgSecCheck` (v2, synchronous) for text and
 * `security.mediaCheckAsync` (v2) for images, through the SDK's open-API proxy `callWxOpenApi`
 * (the function's config.json must list both under `permissions.openapi`). Locally
 * (JIAYUAN_LOCAL=1): the editable word list (words.ts).
 *
 * A check that cannot be completed (WeChat error, user unknown to WeChat, …) answers `review`, so
 * that the content is kept but not shown to others until staff have looked at it.
 */
import { cloud } from '../platform/cloud';
import { SCENE_NUMBERS, type ContentChecker, type Verdict } from './types';
import { loadWords, matchWords, wordsPath } from './words';

/** The two SDK calls the WeChat checker needs (the CloudBase app satisfies it). */
export interface WxApi {
  callWxOpenApi(opts: { apiName: string; requestData: Record<string, unknown> }): Promise<{ code?: string; message?: string; result?: unknown }>;
  getTempFileURL(opts: { fileList: string[] }): Promise<{ fileList?: Array<{ fileID: string; tempFileURL?: string; code?: string }> }>;
}

interface WxResult {
  errcode?: number;
  errmsg?: string;
  result?: { suggest?: string; label?: number };
  trace_id?: string;
}

const asResult = (value: unknown): WxResult => (typeof value === 'object' && value !== null ? (value as WxResult) : {});
const log = (level: 'warn' | 'info', what: string, detail: Record<string, unknown>) =>
  console[level](JSON.stringify({ level, what, ...detail }));

export function wechatChecker(api: WxApi): ContentChecker {
  return {
    async checkText(text, { openid, scene }) {
      if (!text.trim()) return 'pass';
      let res: Awaited<ReturnType<WxApi['callWxOpenApi']>>;
      try {
        res = await api.callWxOpenApi({
          apiName: '/wxa/msg_sec_check',
          requestData: { content: text, version: 2, scene: SCENE_NUMBERS[scene], openid },
        });
      } catch (error) {
        log('warn', 'msgSecCheck failed', { error: String((error as Error)?.message ?? error) });
        return 'review';
      }
      const result = asResult(res.result);
      if (res.code || (result.errcode ?? 0) !== 0) {
        log('warn', 'msgSecCheck refused', { code: res.code, message: res.message, errcode: result.errcode, errmsg: result.errmsg });
        return 'review';
      }
      const suggest = result.result?.suggest;
      return suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'review';
    },

    async checkImages(fileIDs, { openid, scene = 'comment' }) {
      if (fileIDs.length === 0) return [];
      let urls = new Map<string, string>();
      try {
        const { fileList = [] } = await api.getTempFileURL({ fileList: [...fileIDs] });
        urls = new Map(fileList.filter((f) => f.code === 'SUCCESS' && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL as string]));
      } catch (error) {
        log('warn', 'getTempFileURL failed', { error: String((error as Error)?.message ?? error) });
      }
      // Asynchronous: WeChat pushes the verdict later (event `wxa_media_check`, by trace_id). Until
      // then an accepted submission counts as pass; one that could not be submitted as review.
      return Promise.all(
        fileIDs.map(async (fileID): Promise<Verdict> => {
          const url = urls.get(fileID);
          if (!url) return 'review';
          try {
            const res = await api.callWxOpenApi({
              apiName: '/wxa/media_check_async',
              requestData: { media_url: url, media_type: 2, version: 2, scene: SCENE_NUMBERS[scene], openid },
            });
            const result = asResult(res.result);
            if (res.code || (result.errcode ?? 0) !== 0) {
              log('warn', 'mediaCheckAsync refused', { fileID, code: res.code, errcode: result.errcode, errmsg: result.errmsg });
              return 'review';
            }
            log('info', 'mediaCheckAsync submitted', { fileID, traceId: result.trace_id });
            return 'pass';
          } catch (error) {
            log('warn', 'mediaCheckAsync failed', { fileID, error: String((error as Error)?.message ?? error) });
            return 'review';
          }
        }),
      );
    },
  };
}

/** The word list; images are judged by their cloud path (so a demo can name a file 「赌博.jpg」). */
export function localChecker(file: string | null = wordsPath()): ContentChecker {
  return {
    async checkText(text) {
      return matchWords(text, loadWords(file));
    },
    async checkImages(fileIDs) {
      const words = loadWords(file);
      return fileIDs.map((id) => matchWords(id.replace(/^cloud:\/\/[^/]*\//, ''), words));
    },
  };
}

export function currentChecker(env: NodeJS.ProcessEnv = process.env): ContentChecker {
  if (env.JIAYUAN_LOCAL === '1') return localChecker();
  const app = cloud();
  return wechatChecker({
    callWxOpenApi: (opts) => app.callWxOpenApi(opts),
    getTempFileURL: (opts) => app.getTempFileURL(opts),
  });
}
