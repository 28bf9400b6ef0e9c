import { parseScanCode } from './parseCode';

describe('parseScanCode', () => {
  it('reads the bare code or c=<code> from the mini-program scene', () => {
    expect(parseScanCode({ scene: '370602B0001' })).toBe('370602B0001');
    expect(parseScanCode({ scene: encodeURIComponent('c=370602B0001') })).toBe('370602B0001');
  });

  it('reads the code from a scanned ordinary link in q', () => {
    const link = 'https://jy.example.cn/q?c=370602B0002';
    expect(parseScanCode({ q: encodeURIComponent(link) })).toBe('370602B0002');
    expect(parseScanCode({ q: encodeURIComponent('https://jy.example.cn/q/370602B0003') })).toBe('370602B0003');
  });

  it('reads the code from the H5 URL parameter', () => {
    expect(parseScanCode({ code: '370602B0004' })).toBe('370602B0004');
  });

  it('returns null when there is nothing to read or the encoding is broken', () => {
    expect(parseScanCode({})).toBeNull();
    expect(parseScanCode({ scene: '%E0%A4%A' })).toBeNull();
    expect(parseScanCode({ q: encodeURIComponent('https://jy.example.cn/') })).toBeNull();
  });
});
