/**
 * The kit's toast: WeChat's (or the browser's) toast, and the same words kept on the page until the
 * reader closes them, since a toast vanishes after 1.5 s, too fast for many elderly readers.
 * `carry` keeps the words for the next page too (the action navigates right after, e.g. 已提交).
 * Pages built with `Page` show them; elsewhere (staff pages) only the toast appears.
 */
import Taro from '@tarojs/taro';

export type NoticeTone = 'success' | 'info' | 'error';

export interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
  /** The page it was raised on (a `Page` instance), null when no kit page was showing. */
  origin: number | null;
  carry: boolean;
}

let notices: readonly Notice[] = [];
let nextId = 1;
let activePage: number | null = null;
const listeners = new Set<() => void>();

function set(next: readonly Notice[]) {
  notices = next;
  listeners.forEach((listener) => listener());
}

export function toast(text: string, { tone = 'success', carry = false }: { tone?: NoticeTone; carry?: boolean } = {}): void {
  void Promise.resolve(Taro.showToast({ title: text, icon: tone === 'success' ? 'success' : 'none', duration: 2000 })).catch(() => undefined);
  if (activePage === null) return;
  set([...notices.filter((n) => n.text !== text), { id: nextId++, text, tone, origin: activePage, carry }]);
}

export const currentNotices = (): readonly Notice[] => notices;

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** What page `pageId` shows: its own notices, and those carried from the page before. */
export const noticesOn = (all: readonly Notice[], pageId: number): Notice[] => all.filter((n) => n.origin === pageId || (n.carry && n.origin !== pageId));

export function dismissNotice(id: number): void {
  set(notices.filter((n) => n.id !== id));
}

/** A kit page came to the front. */
export function pageShown(pageId: number): void {
  activePage = pageId;
}

/** A kit page was left (hidden or closed): its own notices go, and those it showed carried from another page. */
export function pageLeft(pageId: number): void {
  if (activePage === pageId) activePage = null;
  const kept = notices.filter((n) => (n.origin === pageId ? n.carry : !n.carry));
  if (kept.length !== notices.length) set(kept);
}
