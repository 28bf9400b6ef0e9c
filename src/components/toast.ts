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
  /** A carried notice: the next page that came to the front and showed it. */
  shownOn: number | null;
}

/** The notices, and the kit page in front (carried notices show only there). */
export interface NoticeState {
  notices: readonly Notice[];
  active: number | null;
}

let state: NoticeState = { notices: [], active: null };
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: Partial<NoticeState>) {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

export function toast(text: string, { tone = 'success', carry = false }: { tone?: NoticeTone; carry?: boolean } = {}): void {
  void Promise.resolve(Taro.showToast({ title: text, icon: tone === 'success' ? 'success' : 'none', duration: 2000 })).catch(() => undefined);
  if (state.active === null) return;
  set({ notices: [...state.notices.filter((n) => n.text !== text), { id: nextId++, text, tone, origin: state.active, carry, shownOn: null }] });
}

export const currentNotices = (): NoticeState => state;

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** What page `pageId` shows: its own notices, and those carried to it from the page before. */
export const noticesOn = ({ notices }: NoticeState, pageId: number): Notice[] => notices.filter((n) => n.origin === pageId || (n.carry && n.shownOn === pageId));

export function dismissNotice(id: number): void {
  set({ notices: state.notices.filter((n) => n.id !== id) });
}

/** A kit page came to the front: it takes the notices carried to the next page. */
export function pageShown(pageId: number): void {
  const carried = state.notices.some((n) => n.carry && n.shownOn === null && n.origin !== pageId);
  if (state.active === pageId && !carried) return;
  set({ active: pageId, notices: state.notices.map((n) => (n.carry && n.shownOn === null && n.origin !== pageId ? { ...n, shownOn: pageId } : n)) });
}

/** A kit page was left (hidden or closed): its own notices go, and those carried to it. */
export function pageLeft(pageId: number): void {
  const kept = state.notices.filter((n) => !(n.origin === pageId && !n.carry) && !(n.carry && n.shownOn === pageId));
  set({ notices: kept, active: state.active === pageId ? null : state.active });
}
