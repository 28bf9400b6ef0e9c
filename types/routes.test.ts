import { PAGES, messagePage, routeTo, routes, subpackageOf } from './routes';

describe('page routes', () => {
  it('builds each page’s URL with its query encoded', () => {
    expect(routes.appeal('ap1')).toBe('/pages/appeal/index?id=ap1');
    expect(routes.staffAppeal('a b/c')).toBe('/packages/admin/appeal/index?id=a%20b%2Fc');
    expect(routes.routingRules()).toBe('/packages/admin/rules/index');
    expect(routes.routingRules('c-haian')).toBe('/packages/admin/rules/index?communityId=c-haian');
    expect(routes.home()).toBe('/pages/home/index');
    expect(routeTo('myAppeals', { scope: undefined })).toBe('/pages/appeals/index');
  });

  it('opens the landing page the three ways a code arrives; a scene is passed on as scanned', () => {
    expect(routes.scan({ code: '370602B0001' })).toBe('/pages/scan/index?code=370602B0001');
    expect(routes.scan({ scene: 'c%3D370602B0001' })).toBe('/pages/scan/index?scene=c%3D370602B0001');
    expect(routes.scan({ q: 'https://x.cn/b/1?c=2' })).toBe(`/pages/scan/index?q=${encodeURIComponent('https://x.cn/b/1?c=2')}`);
  });

  it('gives a subscribe message’s page without the leading slash', () => {
    expect(messagePage(routes.appeal('ap1'))).toBe('pages/appeal/index?id=ap1');
    expect(messagePage(routes.staffAppeal('ap1'))).toBe('packages/admin/appeal/index?id=ap1');
  });

  it('has a builder for every page, each landing on that page', () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it('lists a subpackage’s pages relative to its root', () => {
    expect(subpackageOf('packages/booking')).toEqual({ root: 'packages/booking', pages: ['index', 'service/index', 'mine/index', 'booking/index'] });
    const admin = subpackageOf('packages/admin');
    expect(admin.pages[0]).toBe('index');
    expect(admin.pages).toEqual(expect.arrayContaining(['inbox/index', 'appeal/index', 'dashboard/index', 'rules/index', 'calendar/index']));
  });
});
