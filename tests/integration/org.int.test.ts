import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 60_000);
afterAll(() => t?.close());

describe('org.resolveCode', () => {
  it('resolves a building code to the building and every level above it', async () => {
    const place = await t.ok('demo-resident', 'org', 'resolveCode', { code: '370602b0001' });
    expect(place.building).toMatchObject({ code: '370602B0001', name: '1号楼' });
    expect(place.estate.name).toBe('海岸花园');
    expect(place.propertyCompany?.name).toBe('安居物业服务有限公司');
    expect(place.grid).toMatchObject({ id: 'g-haian-1', workerName: '张丽' });
    expect([place.community.name, place.street.name, place.district.name]).toEqual(['海岸社区', '向阳街道', '芝罘区']);
  });

  it('works for a WeChat user the system has never seen', async () => {
    const res = await t.call('o-brand-new-user', 'org', 'resolveCode', { code: '370602B0005' });
    expect(res.ok).toBe(true);
  });

  it('rejects malformed codes and codes of another city with the field, and unknown codes as NOT_FOUND', async () => {
    const malformed = await t.call('demo-resident', 'org', 'resolveCode', { code: 'hello' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'code', message: '楼栋码格式不正确' }] } });
    const otherCity = await t.call('demo-resident', 'org', 'resolveCode', { code: '110101B0001' });
    expect(otherCity).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'code', message: '这不是本市的楼栋码' }] } });
    const unknown = await t.call('demo-resident', 'org', 'resolveCode', { code: '370602B9999' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers an unknown action with NOT_FOUND and never trusts an openid in the event', async () => {
    const unknown = await t.call('demo-resident', 'org', 'dropTables' as 'resolveCode', { code: '370602B0001' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { result } = await t.cloud.host.invoke('users', { action: 'me', input: {}, openid: 'demo-district', userInfo: { openId: 'demo-district' } }, { openid: 'demo-resident' });
    expect(result).toMatchObject({ ok: true, data: { openid: 'demo-resident', name: '王秀英' } });
  });
});

describe('org reads for staff', () => {
  it('lists only the units in the caller’s jurisdiction', async () => {
    const top = await t.ok('demo-community-staff', 'org', 'listUnits', {});
    expect(top).toEqual([expect.objectContaining({ id: 'c-haian', level: 'community', childCount: 3 })]);
    const grids = await t.ok('demo-community-staff', 'org', 'listUnits', { parentId: 'c-haian' });
    expect(grids.map((g) => g.id)).toEqual(['g-haian-1', 'g-haian-2', 'g-haian-3']);
    const elsewhere = await t.call('demo-community-staff', 'org', 'listUnits', { parentId: 'c-shengli' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('pages the buildings of a grid', async () => {
    const page = await t.ok('demo-grid-worker', 'org', 'listBuildings', { unitId: 'g-haian-1', page: 1, pageSize: 3 });
    expect(page.total).toBe(4);
    expect(page.items.map((b) => b.code)).toEqual(['370602B0001', '370602B0002', '370602B0003']);
  });

  it('refuses residents', async () => {
    const res = await t.call('demo-resident', 'org', 'listUnits', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('users', () => {
  it('me: staff see their roles and jurisdiction, a new user is a resident', async () => {
    const staff = await t.ok('demo-street', 'users', 'me', {});
    expect(staff).toMatchObject({ name: '陈志强', roles: ['street_commander'], isStaff: true, jurisdiction: { level: 'street', unitNames: ['向阳街道'] } });
    const stranger = await t.ok('o-someone-new', 'users', 'me', {});
    expect(stranger).toMatchObject({ name: '微信用户', roles: ['resident'], isStaff: false, household: null });
  });

  it('bindHousehold binds a resident to a building once, even when called twice at once', async () => {
    const [a, b] = await Promise.all([
      t.call('o-new-neighbour', 'users', 'bindHousehold', { buildingCode: '370602B0003', room: '1单元101' }),
      t.call('o-new-neighbour', 'users', 'bindHousehold', { buildingCode: '370602B0003', room: '1单元101' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const { data } = await t.db.collection('users').where({ _id: 'o-new-neighbour' }).get();
    expect(data).toHaveLength(1);
    expect(data[0].household).toEqual({ buildingId: 'b-0003', room: '1单元101' });
  });
});
