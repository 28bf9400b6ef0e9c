import { ENLARGED_FONT_SCALE, scaleFromBrowser, scaleFromWeChat } from './fontScale';

describe('scaleFromWeChat', () => {
  it('takes fontSizeScaleFactor when WeChat gives it', () => {
    expect(scaleFromWeChat({ fontSizeScaleFactor: 1.4, fontSizeSetting: 22.4, platform: 'android' })).toBe(1.4);
  });

  it('else divides fontSizeSetting by the platform’s standard size (iOS 17, Android 16)', () => {
    // iOS 375 screen, 「关怀模式」: 23.8 px → 1.4; Android +2: 20 px → 1.25.
    expect(scaleFromWeChat({ fontSizeSetting: 23.8, platform: 'ios' })).toBe(1.4);
    expect(scaleFromWeChat({ fontSizeSetting: 20, platform: 'android' })).toBe(1.25);
    expect(scaleFromWeChat({ fontSizeSetting: 17, platform: 'devtools', system: 'iOS 17.0' })).toBe(1);
  });

  it('never shrinks below the design nor grows past double, and answers 1 when nothing is known', () => {
    expect(scaleFromWeChat({ fontSizeSetting: 16, platform: 'ios' })).toBe(1);
    expect(scaleFromWeChat({ fontSizeScaleFactor: 3 })).toBe(2);
    expect(scaleFromWeChat({})).toBe(1);
    expect(scaleFromWeChat(null)).toBe(1);
  });

  it('counts WeChat’s +2 level and above as enlarged', () => {
    expect(scaleFromWeChat({ fontSizeSetting: 18, platform: 'ios' })).toBeLessThan(ENLARGED_FONT_SCALE);
    expect(scaleFromWeChat({ fontSizeSetting: 19.5, platform: 'ios' })).toBeGreaterThanOrEqual(ENLARGED_FONT_SCALE);
  });
});

describe('scaleFromBrowser', () => {
  it('reads the browser’s default font size against 16 px and Dynamic Type against 17 px', () => {
    expect(scaleFromBrowser(16)).toBe(1);
    expect(scaleFromBrowser(20)).toBe(1.25);
    expect(scaleFromBrowser(16, 23.8)).toBe(1.4);
    expect(scaleFromBrowser(32)).toBe(2);
    expect(scaleFromBrowser(Number.NaN)).toBe(1);
  });
});
