/**
 * 人员与权限 through the whole local stack: 刘洋 (海岸社区) invites a grid worker, a new WeChat user
 * accepts and `users.me` shows the grant; grants above or beside the inviter are refused; expired
 * and used codes are refused with nothing written; 50 people racing for one code → one wins;
 * revoke takes staff access away and keeps the household; 马军 sees the levels below in the audit.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { InvitationView } from '../../types/staff';
import { startTestCloud, type TestCloud } from '../support/cloud';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.close());

const LIU = 'demo-community-staff';
const invite = (openid: string, input: { role: 'grid_worker' | 'community_staff' | 'street_commander' | 'district_commander' | 'property_staff'; unitId?: string; propertyCompanyId?: string; ttlHours?: number }) =>
  t.call(openid, 'staff', 'invite', { requestId: randomUUID(), ...input });
const inviteOk = async (openid: string, input: Parameters<typeof invite>[1]): Promise<InvitationView> => {
  const res = await invite(openid, input);
  if (!res.ok) throw new Error(`invite failed: ${res.error.code} ${res.error.message}`);
  return res.data;
};
const userDoc = async (openid: string) => (await t.db.collection('users').where({ _id: openid }).get()).data[0] as Record<string, unknown> | undefined;

function scanQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('invite and accept', () => {
  it('刘洋 invites a grid worker for 海岸社区; a new WeChat user accepts and me shows the role', async () => {
    const inv = await inviteOk(LIU, { role: 'grid_worker', unitId: 'g-haian-3' });
    expect(inv).toMatchObject({ role: 'grid_worker', roleLabel: '网格员', level: 'grid', unitId: 'g-haian-3', status: 'pending', statusLabel: '待使用', invitedBy: { openid: LIU, name: '刘洋' } });
    expect(inv.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    const hours = (Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)) / 3_600_000;
    expect(hours).toBe(72);
    expect(inv.link).toBe(`/packages/admin/staff-accept/index?code=${inv.code}`);
    // The invitation's mini-program code; locally a QR of the same page's H5 link on the emulator.
    expect(scanQr(inv.qr!)).toBe(`${t.cloud.url}/#${inv.link}`);

    // Someone who used the app before: their household stays.
    await t.ok('new-grid-1', 'users', 'bindHousehold', { buildingCode: '370602B0003', room: '1单元101' });
    expect((await t.ok('new-grid-1', 'users', 'me', {})).isStaff).toBe(false);
    const accepted = await t.ok('new-grid-1', 'staff', 'accept', { code: inv.code.toLowerCase() });
    expect(accepted).toMatchObject({ role: 'grid_worker', unitName: '海岸社区第三网格' });
    const me = await t.ok('new-grid-1', 'users', 'me', {});
    expect(me).toMatchObject({ isStaff: true, roles: ['resident', 'grid_worker'], jurisdiction: { level: 'grid', unitIds: ['g-haian-3'], unitNames: ['海岸社区第三网格'] } });
    expect(me.household).toMatchObject({ buildingCode: '370602B0003', room: '1单元101' });
    // Staff access is real: the grid worker's org views open.
    expect((await t.call('new-grid-1', 'org', 'listUnits', {})).ok).toBe(true);

    const issued = await t.ok(LIU, 'staff', 'invitations', {});
    expect(issued.items.find((i) => i.code === inv.code)).toMatchObject({ status: 'used', usedBy: { openid: 'new-grid-1' }, qr: null });
    const staff = await t.ok(LIU, 'staff', 'list', { pageSize: 50 });
    expect(staff.items.find((s) => s.openid === 'new-grid-1')).toMatchObject({ role: 'grid_worker', unitName: '海岸社区第三网格', canManage: true });
    expect(staff.items.find((s) => s.openid === LIU)).toMatchObject({ canManage: false });
    expect(staff.items.every((s) => s.role === 'community_staff' || s.role === 'grid_worker')).toBe(true);
  });

  it('a brand-new WeChat user (no profile) is created as staff', async () => {
    const inv = await inviteOk(LIU, { role: 'community_staff', unitId: 'c-haian' });
    await t.ok('brand-new-1', 'staff', 'accept', { code: inv.code });
    expect(await userDoc('brand-new-1')).toMatchObject({ roles: ['community_staff'], jurisdiction: { level: 'community', unitIds: ['c-haian'] } });
  });

  it('returns the same invitation for a retried request', async () => {
    const requestId = randomUUID();
    const [a, b] = await Promise.all([
      t.ok(LIU, 'staff', 'invite', { requestId, role: 'grid_worker', unitId: 'g-haian-2' }),
      t.ok(LIU, 'staff', 'invite', { requestId, role: 'grid_worker', unitId: 'g-haian-2' }),
    ]);
    expect(a.code).toBe(b.code);
    expect((await t.db.collection('invitations').where({ requestKey: `${LIU}:${requestId}` }).count()).total).toBe(1);
  });

  it('refuses grants above or beside the inviter, and bad input', async () => {
    expect(await invite(LIU, { role: 'street_commander', unitId: 's-xiangyang' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能邀请本级或下级的工作人员' } });
    expect(await invite(LIU, { role: 'grid_worker', unitId: 'g-shengli-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该单位不在您的辖区内' } });
    expect(await invite(LIU, { role: 'community_staff', unitId: 'c-shengli' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invite(LIU, { role: 'grid_worker', unitId: 'c-haian' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '所选单位与角色的层级不符' } });
    expect(await invite(LIU, { role: 'grid_worker' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'unitId' }] } });
    expect(await invite(LIU, { role: 'grid_worker', unitId: 'g-haian-1', ttlHours: 500 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'ttlHours' }] } });
    expect(await invite('demo-grid-worker', { role: 'grid_worker', unitId: 'g-haian-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invite('demo-resident', { role: 'grid_worker', unitId: 'g-haian-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('someone', 'staff', 'accept', { code: 'O0I1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'code' }] } });
  });

  it('lets a property company invite its own staff, not another company’s', async () => {
    const inv = await inviteOk('demo-property', { role: 'property_staff' });
    expect(inv).toMatchObject({ propertyCompanyId: 'pc-anju', propertyCompanyName: '安居物业服务有限公司', level: null });
    await t.ok('new-pm-1', 'staff', 'accept', { code: inv.code });
    expect(await t.ok('new-pm-1', 'users', 'me', {})).toMatchObject({ roles: ['property_staff'], propertyCompany: { id: 'pc-anju' }, jurisdiction: null });
    expect(await invite('demo-property', { role: 'property_staff', propertyCompanyId: 'pc-huamei' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invite('demo-property', { role: 'grid_worker', unitId: 'g-haian-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.ok('demo-property', 'staff', 'companies', {})).toEqual([{ id: 'pc-anju', name: '安居物业服务有限公司' }]);
    expect((await t.ok('demo-district', 'staff', 'companies', {})).map((c) => c.id).sort()).toEqual(['pc-anju', 'pc-huamei', 'pc-lianhe']);
    expect(await t.ok(LIU, 'staff', 'companies', {})).toEqual([]);
    expect(await inviteOk('demo-district', { role: 'property_staff', propertyCompanyId: 'pc-huamei' })).toMatchObject({ propertyCompanyName: '华美物业管理有限公司' });
    const company = await t.ok('demo-property', 'staff', 'list', {});
    expect(company.items.map((s) => s.openid).sort()).toEqual(['demo-property', 'new-pm-1']);
    expect(company.items.find((s) => s.openid === 'new-pm-1')?.canManage).toBe(true);
  });
});

describe('expired and used codes', () => {
  it('refuses an expired code with nothing written', async () => {
    const inv = await inviteOk(LIU, { role: 'grid_worker', unitId: 'g-haian-1', ttlHours: 1 });
    await t.db.collection('invitations').doc(inv.code).update({ expiresAt: new Date(Date.now() - 1000) });
    expect(await t.call('late-1', 'staff', 'accept', { code: inv.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该邀请码已过期，请联系邀请人重新邀请' } });
    expect(await userDoc('late-1')).toBeUndefined();
    expect((await t.ok(LIU, 'staff', 'invitations', { pageSize: 50 })).items.find((i) => i.code === inv.code)?.status).toBe('expired');
  });

  it('refuses a used code, an unknown code, and staff who already hold a role', async () => {
    const inv = await inviteOk(LIU, { role: 'grid_worker', unitId: 'g-haian-1' });
    await t.ok('first-1', 'staff', 'accept', { code: inv.code });
    expect(await t.ok('first-1', 'staff', 'accept', { code: inv.code })).toMatchObject({ role: 'grid_worker' }); // own retry
    expect(await t.call('second-1', 'staff', 'accept', { code: inv.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该邀请码已被使用，每个邀请码只能使用一次' } });
    expect(await userDoc('second-1')).toBeUndefined();
    expect(await t.call('second-1', 'staff', 'accept', { code: 'ABCDEFGH' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const other = await inviteOk(LIU, { role: 'grid_worker', unitId: 'g-haian-2' });
    expect(await t.call('demo-grid-worker', 'staff', 'accept', { code: other.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.db.collection('invitations').doc(other.code).get()).data[0]).toMatchObject({ usedBy: null });
  });

  it('50 people racing for one code: exactly one is bound', async () => {
    const inv = await inviteOk(LIU, { role: 'grid_worker', unitId: 'g-haian-2' });
    const racers = Array.from({ length: 50 }, (_, i) => `racer-${i}`);
    const results = await Promise.all(racers.map((openid) => t.call(openid, 'staff', 'accept', { code: inv.code })));
    const winners = racers.filter((_, i) => results[i].ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true);
    const bound = (await t.db.collection('users').where({ _id: t.db.command.in(racers) }).get()).data as Array<{ _id: string }>;
    expect(bound.map((u) => u._id)).toEqual(winners);
    expect((await t.db.collection('invitations').doc(inv.code).get()).data[0]).toMatchObject({ usedBy: winners[0] });
    expect((await t.db.collection('staffAudit').where({ kind: 'accepted', code: inv.code }).count()).total).toBe(1);
  });
});

describe('change, revoke and audit', () => {
  it('moves a grid worker to another grid, then revokes: staff access goes, the household stays', async () => {
    const inv = await inviteOk(LIU, { role: 'grid_worker', unitId: 'g-haian-1' });
    await t.ok('new-grid-2', 'users', 'bindHousehold', { buildingCode: '370602B0001', room: '3单元402' });
    await t.ok('new-grid-2', 'staff', 'accept', { code: inv.code });

    const moved = await t.ok(LIU, 'staff', 'changeRole', { openid: 'new-grid-2', role: 'grid_worker', unitId: 'g-haian-2' });
    expect(moved).toMatchObject({ unitId: 'g-haian-2', unitName: '海岸社区第二网格', canManage: true });
    expect((await t.ok('new-grid-2', 'users', 'me', {})).jurisdiction).toMatchObject({ level: 'grid', unitIds: ['g-haian-2'] });
    expect(await t.call(LIU, 'staff', 'changeRole', { openid: 'new-grid-2', role: 'grid_worker', unitId: 'g-shengli-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIU, 'staff', 'changeRole', { openid: 'new-grid-2', role: 'street_commander', unitId: 's-xiangyang' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Only staff strictly below: not a peer, not oneself, not someone of another community.
    expect(await t.call(LIU, 'staff', 'revoke', { openid: LIU })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能调整自己的权限' } });
    expect(await t.call(LIU, 'staff', 'revoke', { openid: 'brand-new-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能调整下级工作人员' } });
    expect(await t.call(LIU, 'staff', 'revoke', { openid: 'staff-g-shengli-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-grid-worker', 'staff', 'revoke', { openid: 'new-grid-2' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await t.ok(LIU, 'staff', 'revoke', { openid: 'new-grid-2' });
    const me = await t.ok('new-grid-2', 'users', 'me', {});
    expect(me).toMatchObject({ isStaff: false, roles: ['resident'], jurisdiction: null, household: { buildingCode: '370602B0001', room: '3单元402' } });
    expect(await t.call('new-grid-2', 'org', 'listUnits', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIU, 'staff', 'revoke', { openid: 'new-grid-2' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('voids the open codes of an inviter who lost the right to give them', async () => {
    const inv = await inviteOk('brand-new-1', { role: 'grid_worker', unitId: 'g-haian-3' }); // a 海岸社区 worker from above
    expect(await t.call(LIU, 'staff', 'revoke', { openid: 'brand-new-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }); // a peer
    await t.ok('demo-street', 'staff', 'revoke', { openid: 'brand-new-1' });
    expect(await t.call('late-2', 'staff', 'accept', { code: inv.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '邀请人已无权发出该邀请，请联系其上级重新邀请' } });
    expect(await userDoc('late-2')).toBeUndefined();
    expect((await t.db.collection('invitations').doc(inv.code).get()).data[0]).toMatchObject({ usedBy: null });
  });

  it('马军 (district) sees what the street and community levels did; a community sees only its own', async () => {
    const street = await inviteOk('demo-street', { role: 'community_staff', unitId: 'c-shengli' });
    const district = await t.ok('demo-district', 'staff', 'audit', { pageSize: 50 });
    const kinds = new Set(district.items.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['invited', 'accepted', 'changed', 'revoked']));
    expect(district.items.some((e) => e.code === street.code && e.by.name === '陈志强')).toBe(true);
    expect(district.items.some((e) => e.by.name === '刘洋' && e.kind === 'revoked' && e.target?.openid === 'new-grid-2')).toBe(true);
    const changed = district.items.find((e) => e.kind === 'changed' && e.target?.openid === 'new-grid-2');
    expect(changed).toMatchObject({ kindLabel: '调整角色', previous: { unitId: 'g-haian-1' }, grant: { unitId: 'g-haian-2' } });
    expect(district.items.some((e) => e.grant.propertyCompanyId === 'pc-anju')).toBe(true);

    const community = await t.ok(LIU, 'staff', 'audit', { pageSize: 50 });
    expect(community.items.some((e) => e.code === street.code)).toBe(false);
    expect(community.items.every((e) => e.grant.unitId?.includes('haian') || e.previous?.unitId?.includes('haian'))).toBe(true);
    const streetView = await t.ok('demo-street', 'staff', 'audit', { pageSize: 50 });
    expect(streetView.items.some((e) => e.by.name === '刘洋')).toBe(true);
    expect(streetView.items.some((e) => e.grant.propertyCompanyId)).toBe(false);
  });
});

describe('the first 区市指挥中心 (npm run staff:invite)', () => {
  /** Runs the command as a person would; asynchronously, since the cloud it talks to lives in this process. */
  const runCli = (...args: string[]) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [createRequire(__filename).resolve('tsx/cli'), path.join(__dirname, '../../scripts/staff/invite.ts'), ...args],
        { env: { ...process.env, DATA_DIR: t.dataDir, ENV_ID: '', TCB_ENV: '' }, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('prints a one-time code for the district that a new WeChat user accepts, and who then invites a street', async () => {
    const run = await runCli('370602', '--hours', '24');
    expect(run.status).toBe(0);
    const code = /邀请码：([23456789A-Z]{8})/.exec(run.stdout)?.[1];
    expect(code).toBeDefined();
    expect(run.stdout).toContain(`/packages/admin/staff-accept/index?code=${code}`);
    const stored = (await t.db.collection('invitations').doc(code!).get()).data[0] as Record<string, unknown>;
    expect(stored).toMatchObject({ role: 'district_commander', level: 'district', unitName: '芝罘区', byPlatform: true, invitedBy: { name: '上线部署' }, usedBy: null });
    expect(new Date(stored.expiresAt as string).getTime() - new Date(stored.createdAt as string).getTime()).toBe(24 * 3_600_000);

    expect(await t.ok('first-commander', 'staff', 'accept', { code: code! })).toMatchObject({ role: 'district_commander', level: 'district', unitName: '芝罘区' });
    expect(await t.call('second-person', 'staff', 'accept', { code: code! })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const street = await inviteOk('first-commander', { role: 'street_commander', unitId: 's-xiangyang' });
    expect(street).toMatchObject({ level: 'street', invitedBy: { openid: 'first-commander' } });
    const audit = await t.ok('first-commander', 'staff', 'audit', { pageSize: 50 });
    expect(audit.items.some((e) => e.kind === 'invited' && e.code === code && e.by.name === '上线部署')).toBe(true);
  }, 90_000);

  it('refuses an unknown district and a bad validity with a message, writing nothing', async () => {
    const before = (await t.db.collection('invitations').count()).total;
    const unknown = await runCli('999999');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('找不到区市 999999');
    const badHours = await runCli('370602', '--hours', '0');
    expect(badHours.status).toBe(1);
    expect(badHours.stderr).toContain('有效期应为 1–168 小时');
    expect((await t.db.collection('invitations').count()).total).toBe(before);
  }, 90_000);
});
