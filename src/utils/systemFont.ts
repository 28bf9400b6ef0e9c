/** Reads the system font scale from the platform (see ./fontScale.ts for the rules). */
import Taro from '@tarojs/taro';
import { scaleFromBrowser, scaleFromWeChat, type WeChatFontInfo } from './fontScale';

function readWeChat(): WeChatFontInfo | null {
  // getAppBaseInfo is the maintained API; older base libraries (and test doubles) only have getSystemInfoSync.
  try {
    const base = (Taro as unknown as { getAppBaseInfo?: () => WeChatFontInfo }).getAppBaseInfo?.();
    if (base && (base.fontSizeScaleFactor || base.fontSizeSetting)) return base;
  } catch {
    // not available in this base library
  }
  try {
    return Taro.getSystemInfoSync() as WeChatFontInfo;
  } catch {
    return null;
  }
}

/** The computed font size, in px, of a hidden probe styled with `font` (a CSS shorthand or a size). */
function probe(style: string): number {
  const el = document.createElement('div');
  el.className = 'jy-font-probe';
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = `position:absolute;visibility:hidden;pointer-events:none;${style}`;
  document.body.appendChild(el);
  try {
    return parseFloat(window.getComputedStyle(el).fontSize);
  } finally {
    el.remove();
  }
}

function readBrowser(): number {
  if (typeof document === 'undefined' || !document.body) return 1;
  const medium = probe('font-size:medium');
  const appleBody = /iPhone|iPad|iPod/.test(navigator.userAgent) ? probe('font:-apple-system-body') : undefined;
  return scaleFromBrowser(medium, appleBody);
}

/** The system font scale now (cheap: read again whenever a page shows). */
export function systemFontScale(): number {
  return process.env.TARO_ENV === 'h5' ? readBrowser() : scaleFromWeChat(readWeChat());
}
