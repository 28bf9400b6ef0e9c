import type { ContentScene } from '../../../types/contract';
import { currentChecker } from './checker';
import type { Verdict } from './types';

export { currentChecker, localChecker, wechatChecker } from './checker';
export { IMAGE_RISKY_MESSAGE, screenInput, TEXT_RISKY_MESSAGE } from './screen';
export type { ContentChecker, Verdict } from './types';

/** One text through content security (WeChat in CloudBase, the word list locally). */
export function checkText(text: string, opts: { openid: string; scene: ContentScene }): Promise<Verdict> {
  return currentChecker().checkText(text, opts);
}

/** Images (cloud fileIDs) through content security: one verdict each, in order. */
export function checkImages(fileIDs: readonly string[], opts: { openid: string; scene?: ContentScene }): Promise<Verdict[]> {
  return currentChecker().checkImages(fileIDs, opts);
}
