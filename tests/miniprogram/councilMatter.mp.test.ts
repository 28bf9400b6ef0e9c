/**
 * A council matter in the compiled mini-program (dist/packages/council/matter) against the real local
 * cloud, as 王秀英 (verified, 海岸花园1号楼): she co-signs a neighbour's matter for her household, votes
 * on a matter staff opened (turnout only while open; no buttons once the window has ended), and reads
 * a counted result.
 */
import { randomUUID } from 'node:crypto';
import { openPage, useMiniProgram } from './harness';

const RESIDENT = 'demo-resident';
const STAFF = 'demo-community-staff';
const mp = useMiniProgram({ openid: RESIDENT });

const stored = async (collection: string, matterId: string) => (await mp.db.collection(collection).where({ matterId }).get()).data as Array<Record<string, unknown>>;

it('co-signs a neighbour’s matter once for the household', async () => {
  const raised = await mp.ok('council', 'raise', { requestId: randomUUID(), title: '1号楼楼顶防水维修', description: '顶层住户反映雨天屋顶渗水，建议用公共维修资金修补楼顶防水层。', scope: 'building' }, 'demo-neighbour-1');

  const page = await openPage('/packages/council/matter/index', { id: raised.id });
  await page.waitForText('附议户数 1/5（20%）');
  await page.waitForText('还没有人发言'); // the discussion loaded too: no call left in flight
  await page.tap('我家附议');
  await page.waitForText('您家已附议');
  expect(page.text()).toContain('附议户数 2/5（40%）');
  expect(page.queryByText('我家附议')).toBeNull();
  expect((await stored('councilCosigns', raised.id)).map((c) => c.by).sort()).toEqual(['demo-neighbour-1', RESIDENT]);
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);

it('votes once for the household: the cast vote and the turnout, no counts while open, no buttons after the window', async () => {
  const raised = await mp.ok('council', 'raise', { requestId: randomUUID(), title: '1号楼单元门禁更换', description: '1号楼单元门禁老化，经常打不开，拟更换为刷卡门禁，费用从公共收益列支。', scope: 'building', placeId: 'b-0001' }, STAFF);
  const closesAt = new Date(Date.now() + 30 * 60_000).toISOString();
  await mp.ok('council', 'openVote', { id: raised.id, rule: 'majority', major: false, quorumPercent: 50, closesAt }, STAFF);

  const page = await openPage('/packages/council/matter/index', { id: raised.id });
  await page.waitForText('已投票户数 0/9（0%）');
  await page.waitForText('还没有人发言'); // the discussion loaded too: no call left in flight
  expect(page.text()).toContain('进行中');
  await page.tap('赞成');
  await page.waitForText('您已投票：赞成');
  expect(page.text()).toContain('已投票户数 1/9（11%）');
  expect(page.queryByText('反对')).toBeNull();
  expect(page.text()).not.toContain('投票户数的一半');
  const votes = await stored('councilVotes', raised.id);
  expect(votes.map((v) => [v.optionId, v.voter])).toEqual([['yes', RESIDENT]]);
  expect(JSON.stringify(votes)).not.toContain('2单元301');
  page.close();

  // The window ends (the timer has not counted yet): the page offers no vote, the server takes none.
  await mp.db.collection('councilMatters').doc(raised.id).update({ 'ballot.closesAt': new Date(Date.now() - 1000) });
  const neighbour = await openPage('/packages/council/matter/index', { id: raised.id });
  await neighbour.waitForText('已截止');
  await neighbour.waitForText('还没有人发言'); // the discussion loaded too: no call left in flight
  expect(neighbour.text()).toContain('您已投票：赞成');
  expect(neighbour.queryByText('赞成')).toBeNull();
  expect(await mp.call('council', 'vote', { id: raised.id, optionId: 'no' }, 'demo-neighbour-2')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(await stored('councilVotes', raised.id)).toHaveLength(1);
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);

it('shows the counted result once the window has closed, with the household’s own vote', async () => {
  // Seeded (scripts/seed/council.ts): 增设垃圾分类投放亭, counted — 8 of the community's 10 households voted, 7 in favour.
  const page = await openPage('/packages/council/matter/index', { id: 'mt-demo-bins' });
  await page.waitForText('已截止');
  await page.waitForText('还没有人发言'); // the discussion loaded too: no call left in flight
  expect(page.text()).toContain('办理中');
  expect(page.text()).toContain('您已投票：赞成');
  expect(page.text()).toMatch(/赞成（[\d.]+㎡） 7\/8（88%）/);
  expect(page.text()).toMatch(/反对（[\d.]+㎡） 1\/8（13%）/);
  expect(page.text()).toContain('✓ 参与表决户数达到50%（8/10户）');
  expect(page.queryByText('赞成')).toBeNull();
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);
