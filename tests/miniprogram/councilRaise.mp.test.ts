/**
 * 提事 in the compiled mini-program (dist/packages/council/raise) against the real local cloud: 王秀英
 * (verified, 海岸花园1号楼) sends the form empty and is told what is missing in words, then raises a
 * matter about her building; it opens, and the board lists it for her neighbours.
 */
import { openPage, useMiniProgram } from './harness';

const mp = useMiniProgram({ openid: 'demo-resident' });

it('says what is missing in Chinese, then raises one matter that the board lists', async () => {
  const page = await openPage('/packages/council/raise/index');
  await page.waitForText('提交议题');
  expect(page.text()).toContain('您家：1号楼');
  const matters = async () => (await mp.db.collection('councilMatters').count()).total;
  const before = await matters();

  await page.tap('提交议题');
  await page.waitForText('议题标题至少4个字');
  expect(page.text()).toContain('议题内容至少10个字');
  // The server said no: nothing written.
  expect(mp.wx.cloudCalls.filter((c) => c.data.action === 'raise')).toHaveLength(1);
  expect(await matters()).toBe(before);

  await page.input(page.getInput('例如：3号楼加装电梯'), '1号楼单元门口加装扶手');
  const description = page.root.querySelector<HTMLElement>('wx-textarea');
  if (!description) throw new Error('no description field');
  await page.input(description, '单元门口台阶较陡，雨雪天老人进出容易滑倒，建议加装不锈钢扶手。');
  await page.tap('提交议题');
  const redirect = await page.waitFor(() => mp.wx.navigation.find((n) => n.method === 'redirectTo'), 'the redirect to the new matter');
  const id = decodeURIComponent(redirect.url!.split('id=')[1]);
  expect(redirect.url).toBe(`/packages/council/matter/index?id=${encodeURIComponent(id)}`);
  expect(await matters()).toBe(before + 1);

  const raised = await mp.ok('council', 'matter', { id }, 'demo-neighbour-1');
  expect(raised).toMatchObject({ title: '1号楼单元门口加装扶手', stage: 'proposed', cosigns: 1, threshold: 5, scope: { kind: 'building' } });
  expect(raised.mine.canCosign).toBe(true);
  const board = await mp.ok('council', 'board', { step: 'propose' }, 'demo-neighbour-1');
  expect(board.items.filter((m) => m.id === id).map((m) => m.title)).toEqual(['1号楼单元门口加装扶手']);
  expect(mp.wx.renderWarnings).toEqual([]);
}, 60_000);
