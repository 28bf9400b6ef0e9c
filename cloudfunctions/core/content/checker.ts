/**
 * Content security. In CloudBase: WeChat's `security.msgSecCheck` (v2, synchronous) for text and
 * `security.mediaCheckAsync` (v2) for images, through the official wx-server-sdk `cloud.openapi`
 * (core/openapi; the function's config.json lists both under `permissions.openapi`). Locally
 * (JIAYUAN_LOCAL=1): the editable word list (words.ts).
 *
 * A check that cannot be completed (WeChat error, user unknown to WeChat, …) answers `review`, so
 * that the content is kept but not shown to others until staff have looked at it.
 */
import { wechatMessaging } from '../openapi/wechat';
import type { WxMessagingApi } from '../openapi/types';
import { cloud } from '../platform/cloud';
import { SCENE_NUMBERS, type ContentChecker, type Verdict } from './types';
import { loadWords, matchWords, wordsPath } from './words';

/** Temporary URLs of stored files: WeChat fetches an image by URL (the CloudBase app satisfies it). */
export interface TempUrls {
  getTempFileURL(opts: { fileList: string[] }): Promise<{ fileList?: Array<{ fileID: string; tempFileURL?: string; code?: string }> }>;
}

const log = (level: 'warn' | 'info', what: string, detail: Record<string, unknown>) =>
  console[level](JSON.stringify({ level, what, ...detail }));
const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

export function wechatChecker(api: Pick<WxMessagingApi, 'msgSecCheck' | 'mediaCheckAsync'>, files: TempUrls): ContentChecker {
  return {
    async checkText(text, { openid, scene }) {
      if (!text.trim()) return 'pass';
      try {
        const { suggest } = await api.msgSecCheck({ content: text, openid, scene: SCENE_NUMBERS[scene] });
        return suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'review';
      } catch (error) {
        log('warn', 'msgSecCheck failed', { error: messageOf(error) });
        return 'review';
      }
    },

    async checkImages(fileIDs, { openid, scene = 'comment' }) {
      if (fileIDs.length === 0) return [];
      let urls = new Map<string, string>();
      try {
        const { fileList = [] } = await files.getTempFileURL({ fileList: [...fileIDs] });
        urls = new Map(fileList.filter((f) => f.code === 'SUCCESS' && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL as string]));
      } catch (error) {
        log('warn', 'getTempFileURL failed', { error: messageOf(error) });
      }
      // Asynchronous: WeChat pushes the verdict later (event `wxa_media_check`, by trace_id). Until
      // then an accepted submission counts as pass; one that could not be submitted as review.
      return Promise.all(
        fileIDs.map(async (fileID): Promise<Verdict> => {
          const url = urls.get(fileID);
          if (!url) return 'review';
          try {
            const { traceId } = await api.mediaCheckAsync({ mediaUrl: url, openid, scene: SCENE_NUMBERS[scene] });
            log('info', 'mediaCheckAsync submitted', { fileID, traceId });
            return 'pass';
          } catch (error) {
            log('warn', 'mediaCheckAsync failed', { fileID, error: messageOf(error) });
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
  return wechatChecker(wechatMessaging, { getTempFileURL: (opts) => app.getTempFileURL(opts) });
}
