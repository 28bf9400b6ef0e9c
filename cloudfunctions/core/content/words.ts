/**
 * The local word list: lines `risky:词` or `review:词`; `#` starts a comment. Matching ignores case,
 * width (NFKC), whitespace and punctuation, so 「赌 博」 and 「赌-博」 match 「赌博」.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Verdict } from './types';

export interface WordList {
  risky: string[];
  review: string[];
}

export const WORDS_ENV = 'JIAYUAN_CONTENT_WORDS';

/** Lower-cased, NFKC, without whitespace, punctuation or symbols. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

export function parseWords(text: string): WordList {
  const list: WordList = { risky: [], review: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(risky|review)\s*[:：]\s*(.+)$/.exec(line);
    if (!m) continue;
    const word = normalize(m[2]);
    if (word) list[m[1] as keyof WordList].push(word);
  }
  return list;
}

export function matchWords(text: string, words: WordList): Verdict {
  const t = normalize(text);
  if (!t) return 'pass';
  if (words.risky.some((w) => t.includes(w))) return 'risky';
  if (words.review.some((w) => t.includes(w))) return 'review';
  return 'pass';
}

/**
 * Where the word list is: `JIAYUAN_CONTENT_WORDS`, else `words.txt` beside this module (in the
 * repository) or, from a bundled function (`cloudfunctions/<fn>/index.js`), in `../core/content/`.
 */
export function wordsPath(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env[WORDS_ENV]) return path.resolve(env[WORDS_ENV]);
  const candidates = [path.join(__dirname, 'words.txt'), path.join(__dirname, '..', 'core', 'content', 'words.txt')];
  return candidates.find((file) => existsSync(file)) ?? null;
}

const cache = new Map<string, { mtimeMs: number; words: WordList }>();

/** The list in `file`, re-read when the file changes (so the demo can edit it while running). */
export function loadWords(file: string | null): WordList {
  if (!file) return { risky: [], review: [] };
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return { risky: [], review: [] };
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.words;
  const words = parseWords(readFileSync(file, 'utf8'));
  cache.set(file, { mtimeMs, words });
  return words;
}
