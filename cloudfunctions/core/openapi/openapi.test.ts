import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { PAGES } from '../../../types/routes';
import { envVersionOf, openApi } from './index';

describe('open API port', () => {
  it('opens the version the subscribe messages name (JIAYUAN_MP_STATE)', () => {
    expect(envVersionOf(undefined)).toBe('release');
    expect(envVersionOf('formal')).toBe('release');
    expect(envVersionOf('trial')).toBe('trial');
    expect(envVersionOf('developer')).toBe('develop');
  });

  it('locally, a mini-program code is a QR of the H5 scan link on the emulator’s origin', async () => {
    const api = openApi({ JIAYUAN_LOCAL: '1', JIAYUAN_H5_URL: 'http://127.0.0.1:5123/' });
    const png = PNG.sync.read(await api.unlimitedCode({ scene: '370602B0001', page: PAGES.scan, width: 860 }));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe('http://127.0.0.1:5123/#/pages/scan/index?code=370602B0001');
  });

  it('locally, an invitation’s code is a QR of its 接受邀请 H5 link', async () => {
    const api = openApi({ JIAYUAN_LOCAL: '1', JIAYUAN_H5_URL: 'http://127.0.0.1:5123' });
    const png = PNG.sync.read(await api.unlimitedCode({ scene: 'K7M2Q9XA', page: PAGES.staffAccept, width: 430 }));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe('http://127.0.0.1:5123/#/packages/admin/staff-accept/index?code=K7M2Q9XA');
  });

  it('locally, without the H5 origin or for another page, it refuses rather than print a dead code', async () => {
    expect(() => openApi({ JIAYUAN_LOCAL: '1' })).toThrow('JIAYUAN_H5_URL');
    await expect(openApi({ JIAYUAN_LOCAL: '1', JIAYUAN_H5_URL: 'http://x' }).unlimitedCode({ scene: 'a', page: PAGES.home, width: 430 })).rejects.toThrow('pages/home/index');
  });
});
