/**
 * Helpers for rendering pages in 长辈版 and at a system font scale in jsdom, and for auditing what
 * the kit's CSS gives the rendered elements (see kitCss.ts for what that can and cannot tell).
 */
import { StyleResolver } from './kitCss';

/** Sets the device's cached 长辈版 choice, as a page's first paint reads it. */
export function setElderCache(on: boolean): void {
  window.localStorage.setItem('jy.preferences', JSON.stringify({ elderMode: on }));
}

/**
 * The browser's font size setting as the H5 app reads it: the `font-size: medium` of a probe element
 * (jsdom answers `medium` for it, so this stands in for what Chromium answers: 16 px × scale).
 * Returns the restore.
 */
export function setBrowserFontScale(scale: number): () => void {
  const real = window.getComputedStyle;
  window.getComputedStyle = ((el: Element, pseudo?: string | null) => {
    const style = real.call(window, el, pseudo);
    if (!el.classList.contains('jy-font-probe')) return style;
    return new Proxy(style, { get: (target, key) => (key === 'fontSize' ? `${16 * scale}px` : Reflect.get(target, key)) });
  }) as typeof window.getComputedStyle;
  return () => {
    window.getComputedStyle = real;
  };
}

const ownText = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');

/** Elements that show words of their own (pictures drawn with a character, aria-hidden, aside). */
export function textElements(root: Element): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((el) => ownText(el) && !el.closest('[aria-hidden="true"]'));
}

/** React's props on a rendered DOM element. */
function reactProps(el: Element): Record<string, unknown> | undefined {
  const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
  return key ? ((el as unknown as Record<string, Record<string, unknown>>)[key] ?? undefined) : undefined;
}

/** Everything a finger is meant to hit: elements with a tap handler, links, the kit's tappables. */
export function targets(root: Element): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((el) => typeof reactProps(el)?.onClick === 'function' || el.matches('a[href], .jy-tap, .nut-button'));
}

/** Text fields (the box the finger taps to type). */
export const fields = (root: Element): Element[] => Array.from(root.querySelectorAll('.textarea, .text-field__line, .home__code-input'));

const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${String(el.className).trim().split(/\s+/)[0]} "${(el.textContent ?? '').trim().slice(0, 12)}"`;

export interface ElderAudit {
  texts: number;
  targets: number;
  smallText: string[];
  smallTargets: string[];
  smallFields: string[];
}

/** What is under the limits in `root`: text below `minFont`, targets or fields whose CSS floor is below `minTarget`. */
export function auditElder(root: Element, resolver: StyleResolver, { minFont, minTarget }: { minFont: number; minTarget: number }): ElderAudit {
  const texts = textElements(root);
  const hits = targets(root);
  const px = (el: Element, prop: string) => resolver.lengthPx(el, prop) ?? 0;
  return {
    texts: texts.length,
    targets: hits.length,
    smallText: texts.filter((el) => resolver.fontSizePx(el) < minFont - 0.01).map((el) => `${describe(el)} ${resolver.fontSizePx(el).toFixed(2)}px`),
    smallTargets: hits
      .filter((el) => Math.max(px(el, 'min-height'), px(el, 'height')) < minTarget - 0.01 || Math.max(px(el, 'min-width'), px(el, 'width')) < minTarget - 0.01)
      .map((el) => `${describe(el)} min ${px(el, 'min-width').toFixed(1)}×${px(el, 'min-height').toFixed(1)}`),
    smallFields: fields(root)
      .filter((el) => px(el, 'min-height') < minTarget - 0.01 || resolver.fontSizePx(el) < minFont - 0.01)
      .map((el) => `${describe(el)} min-height ${px(el, 'min-height').toFixed(1)} font ${resolver.fontSizePx(el).toFixed(1)}`),
  };
}
