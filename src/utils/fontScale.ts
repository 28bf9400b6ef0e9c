/**
 * The system font size as a scale of the standard size, on both platforms:
 * - weapp: WeChat's 「我-设置-通用-字体大小」, as `fontSizeScaleFactor` from `wx.getAppBaseInfo()` (base
 *   library 2.25.3+), else `fontSizeSetting` (px) from `wx.getSystemInfoSync()` over the standard size
 *   (17 px on iOS, 16 px on Android, per WeChat's 小程序适老化设计指南). Mini-program pages do not scale
 *   their own text with it, so the kit multiplies its text tokens by this scale.
 * - H5: the browser's default font size (what CSS `medium` is: 16 px unless the reader changed it) and,
 *   on iOS, Dynamic Type (`-apple-system-body`, 17 px standard). Taro's H5 sets the root font size
 *   in px itself, so the browser setting would otherwise reach nothing.
 * Clamped to [1, 2]: smaller than the design is never used, larger than double would break layouts.
 * Pure (no Taro): `systemFontScale()` in ./systemFont.ts reads the platform.
 */
export const MIN_FONT_SCALE = 1;
export const MAX_FONT_SCALE = 2;
/** From this scale on the system font counts as enlarged: 长辈版 is offered once. */
export const ENLARGED_FONT_SCALE = 1.1;

const clamp = (scale: number) => (Number.isFinite(scale) && scale > 0 ? Math.min(MAX_FONT_SCALE, Math.max(MIN_FONT_SCALE, Math.round(scale * 100) / 100)) : 1);

export interface WeChatFontInfo {
  fontSizeScaleFactor?: number;
  fontSizeSetting?: number;
  platform?: string;
  system?: string;
}

/** The scale WeChat reports; `fontSizeSetting` over the platform's standard size when the factor is missing. */
export function scaleFromWeChat(info: WeChatFontInfo | null | undefined): number {
  if (!info) return 1;
  if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return clamp(info.fontSizeScaleFactor);
  if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) {
    const ios = /ios|iphone|ipad/i.test(`${info.platform ?? ''} ${info.system ?? ''}`);
    return clamp(info.fontSizeSetting / (ios ? 17 : 16));
  }
  return 1;
}

/** The scale the browser's settings imply: `medium` over 16 px, Dynamic Type's body size over 17 px. */
export function scaleFromBrowser(mediumPx: number, appleBodyPx?: number): number {
  const fromMedium = mediumPx > 0 ? mediumPx / 16 : 1;
  const fromDynamicType = appleBodyPx && appleBodyPx > 0 ? appleBodyPx / 17 : 1;
  return clamp(Math.max(fromMedium, fromDynamicType));
}
