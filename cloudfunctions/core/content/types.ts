import type { ContentScene } from '../../../types/contract';

/** Content security's answer: publish, hold for a person to look at, or refuse. */
export type Verdict = 'pass' | 'review' | 'risky';

export interface ContentChecker {
  checkText(text: string, opts: { openid: string; scene: ContentScene }): Promise<Verdict>;
  /** One verdict per fileID, in order. */
  checkImages(fileIDs: readonly string[], opts: { openid: string; scene?: ContentScene }): Promise<Verdict[]>;
}

/** msgSecCheck / mediaCheckAsync v2 scene numbers. */
export const SCENE_NUMBERS: Record<ContentScene, 1 | 2 | 3 | 4> = { profile: 1, comment: 2, forum: 3, social: 4 };

/** The worse of two verdicts. */
export function worst(a: Verdict, b: Verdict): Verdict {
  const rank: Record<Verdict, number> = { pass: 0, review: 1, risky: 2 };
  return rank[a] >= rank[b] ? a : b;
}
