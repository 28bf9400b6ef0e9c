/** 人员与权限 under the shipped rate limits: an admin issues at most 30 invitations an hour. */
import { randomUUID } from 'node:crypto';
import { startTestCloud, type TestCloud } from '../support/cloud';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ shippedLimits: true });
}, 120_000);
afterAll(() => t?.close());

it('refuses the 31st invitation within the hour with RATE_LIMITED, and writes no invitation for it', async () => {
  for (let i = 0; i < 30; i++) await t.ok('demo-community-staff', 'staff', 'invite', { requestId: randomUUID(), role: 'grid_worker', unitId: 'g-haian-1' });
  expect(await t.call('demo-community-staff', 'staff', 'invite', { requestId: randomUUID(), role: 'grid_worker', unitId: 'g-haian-1' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  expect((await t.db.collection('invitations').where({ 'invitedBy.openid': 'demo-community-staff' }).count()).total).toBe(30);
  // Another admin's quota is their own.
  expect((await t.call('demo-street', 'staff', 'invite', { requestId: randomUUID(), role: 'community_staff', unitId: 'c-haian' })).ok).toBe(true);
});
