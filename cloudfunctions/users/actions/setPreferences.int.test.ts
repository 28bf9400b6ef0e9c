import { startTestCloud, type TestCloud } from '../../../tests/support/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 60_000);
afterAll(() => t?.close());

describe('users.setPreferences', () => {
  it('remembers 长辈版 on the profile: me answers it until it is switched off', async () => {
    expect((await t.ok('demo-resident', 'users', 'me', {})).preferences).toEqual({ elderMode: false });
    const on = await t.ok('demo-resident', 'users', 'setPreferences', { elderMode: true });
    expect(on).toMatchObject({ name: '王秀英', preferences: { elderMode: true }, household: { buildingCode: '370602B0001' } });
    expect((await t.ok('demo-resident', 'users', 'me', {})).preferences).toEqual({ elderMode: true });
    const off = await t.ok('demo-resident', 'users', 'setPreferences', { elderMode: false });
    expect(off.preferences).toEqual({ elderMode: false });
  });

  it('creates the resident profile of a first-time user once, even when called twice at once', async () => {
    const [a, b] = await Promise.all([
      t.call('o-elder-new', 'users', 'setPreferences', { elderMode: true }),
      t.call('o-elder-new', 'users', 'setPreferences', { elderMode: true }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const { data } = await t.db.collection('users').where({ _id: 'o-elder-new' }).get();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ roles: ['resident'], preferences: { elderMode: true } });
    expect((await t.ok('o-elder-new', 'users', 'me', {})).preferences).toEqual({ elderMode: true });
  });

  it('refuses input that is not a yes/no, on its field', async () => {
    const result = await t.call('demo-resident', 'users', 'setPreferences', { elderMode: 'yes' } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: 'elderMode' })] });
  });
});
