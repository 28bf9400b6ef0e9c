import { PAGES } from '@contract/routes';
import type { Me } from '@contract/users';
import { MODULES, appPages, homeEntries, mineEntries, workEntries } from './modules';
import { defineModule } from './registry';

const resident: Me = { openid: 'o', name: '王秀英', roles: ['resident'], isStaff: false, jurisdiction: null, propertyCompany: null, household: null, preferences: { elderMode: false } };
const staff = (roles: Me['roles']): Me => ({ ...resident, roles, isStaff: true });

/** Every page app.json will list, as `root/page`. */
function registered(modules = MODULES): string[] {
  const { pages, subPackages } = appPages(modules);
  return [...pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
}

describe('the module list', () => {
  it('registers every page of the routes table exactly once, opening on the home page', () => {
    const all = registered();
    expect([...all].sort()).toEqual(Object.values(PAGES).sort());
    expect(new Set(all).size).toBe(all.length);
    expect(appPages().pages[0]).toBe(PAGES.home);
  });

  it('keeps the holiday calendar in the workbench subpackage', () => {
    expect(appPages().subPackages.find((sub) => sub.root === 'packages/admin')?.pages).toContain('calendar/index');
  });

  it('points every entry at a registered page, under a key unique in its list', () => {
    const pages = new Set(registered());
    const everyone = staff(['resident', 'grid_worker', 'community_staff', 'property_staff']);
    for (const list of [homeEntries(), mineEntries(everyone), mineEntries(resident), workEntries(everyone)]) {
      expect(new Set(list.map((e) => e.key)).size).toBe(list.length);
      for (const entry of list) expect(pages).toContain(entry.url.slice(1).split('?')[0]);
    }
  });

  it('shows 我的 and workbench entries by role', () => {
    expect(mineEntries(resident).map((e) => e.key)).toEqual(['appeals', 'booking', 'volunteer', 'council', 'staff-accept']);
    expect(mineEntries(staff(['grid_worker']))[0].key).toBe('admin');
    const booking = ['bookingDay', 'bookingSettings', 'bookingDashboard'];
    const council = ['councilVerify', 'council'];
    expect(workEntries(staff(['grid_worker'])).map((e) => e.key)).toEqual(['inbox', 'dashboard', ...booking, ...council, 'calendar', 'ledger', 'posters']);
    expect(workEntries(staff(['community_staff'])).map((e) => e.key)).toEqual(['inbox', 'dashboard', 'rules', ...booking, 'volunteerActivities', 'volunteerTeams', 'volunteerUnits', 'volunteerProjects', 'volunteerBehind', ...council, 'calendar', 'staff', 'ledger', 'posters']);
    expect(workEntries(staff(['property_staff'])).map((e) => e.key)).toEqual(['inbox', 'calendar', 'staff']);
    expect(workEntries(resident)).toEqual([]);
  });

  it('takes a new module’s pages and entries from its one declaration', () => {
    const extra = defineModule({
      name: 'demo',
      subpackage: { root: 'packages/demo', pages: ['index', 'staff/index'] },
      homeEntries: [{ key: 'demo', label: '示例', glyph: '示', color: '#000', url: '/pages/home/index' }],
      workEntries: [{ key: 'demo', label: '示例', hint: '', url: '/pages/home/index', show: (me) => me.isStaff }],
    });
    const modules = [...MODULES, extra];
    expect(appPages(modules).subPackages).toContainEqual({ root: 'packages/demo', pages: ['index', 'staff/index'] });
    expect(homeEntries(modules).map((e) => e.key)).toContain('demo');
    expect(workEntries(staff(['grid_worker']), modules).map((e) => e.key)).toContain('demo');
  });
});
