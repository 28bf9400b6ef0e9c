/**
 * 家园议事会 pages against the real local cloud (the seeded 海岸社区): 王秀英 (verified, 海岸花园1号楼)
 * reads the board, votes on 1号楼's lift (turnout only until the window closes) and raises a matter;
 * 孙海燕 sees the 附议 her household may give; 张丽 approves a request in the 住户认证 queue.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { navigation, setRouterParams } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import { typeInto } from '../../../tests/support/fields';
import CouncilBoard from './index';
import CouncilMatter from './matter/index';
import CouncilRaise from './raise/index';
import CouncilVerify from '../admin/council-verify/index';

jest.setTimeout(90_000);
const slow = { timeout: 20_000 };

/** The list row of `testId` whose data-id is `id`, once it is shown. */
const row = (testId: string, id: string) =>
  waitFor(() => {
    const el = screen.queryAllByTestId(testId).find((e) => e.getAttribute('data-id') === id);
    if (!el) throw new Error(`no ${testId} ${id} yet`);
    return el;
  }, slow);

beforeEach(() => {
  navigation.length = 0;
  setRouterParams({});
  actAs('demo-resident');
});

it('shows the resident’s verification and the matters by step, and opens one', async () => {
  render(<CouncilBoard />);
  expect((await screen.findByTestId('residence-status', undefined, slow)).textContent).toContain('已认证');
  const lights = await row('matter', 'mt-demo-lights');
  expect(lights.textContent).toContain('1号楼楼道加装声控灯');
  expect(lights.textContent).toContain('附议');
  fireEvent.click(screen.getByTestId('step-vote'));
  const lift = await row('matter', 'mt-demo-elevator');
  expect(lift.textContent).toContain('表决截止');
  fireEvent.click(lift);
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/council/matter/index?id=mt-demo-elevator' });
});

it('votes once for the household: turnout moves, no counts until the close, the buttons go', async () => {
  setRouterParams({ id: 'mt-demo-elevator' });
  render(<CouncilMatter />);
  const turnout = await screen.findByTestId('turnout', undefined, slow);
  const before = Number(/已投票户数 (\d+)\//.exec(turnout.textContent ?? '')?.[1]);
  expect(screen.queryByTestId('result')).toBeNull();
  fireEvent.click(screen.getByTestId('vote-yes'));
  expect((await screen.findByTestId('household-vote', undefined, slow)).textContent).toBe('您已投票：赞成');
  expect(screen.getByTestId('turnout').textContent).toContain(`已投票户数 ${before + 1}/`);
  expect(screen.queryByTestId('vote-yes')).toBeNull();
  expect(screen.queryByTestId('result')).toBeNull();
  expect(screen.queryByTestId('building-turnout')).toBeNull();
});

it('a household of another building reads a building’s matter but may not co-sign it', async () => {
  actAs('demo-resident-2');
  setRouterParams({ id: 'mt-demo-lights' });
  render(<CouncilMatter />);
  await screen.findByTestId('cosign', undefined, slow);
  expect(screen.queryByTestId('cosign-submit')).toBeNull();
  expect(screen.getByTestId('hint').textContent).toBe('该议题仅限范围内的住户参与');
});

it('raises a matter: the form says what is missing, then opens the new matter', async () => {
  render(<CouncilRaise />);
  fireEvent.click(await screen.findByTestId('submit', undefined, slow));
  expect((await screen.findByTestId('title-error', undefined, slow)).textContent).toContain('议题标题');
  await typeInto(() => screen.getByTestId('title'), '1号楼单元门口加装扶手');
  await typeInto(() => screen.getByTestId('description'), '单元门口台阶较陡，雨雪天老人进出容易滑倒，建议加装不锈钢扶手。');
  fireEvent.click(screen.getByTestId('submit'));
  await waitFor(() => expect(navigation.some((n) => n.method === 'redirectTo' && n.url?.startsWith('/packages/council/matter/index?id='))).toBe(true), slow);
});

it('a first-time user binds the household on the council page, then asks for 住户认证', async () => {
  actAs('__new__');
  render(<CouncilBoard />);
  fireEvent.click(await screen.findByTestId('residence-bind', undefined, slow));
  expect((await screen.findByTestId('bind-room-error', undefined, slow)).textContent).toBe('请填写单元和房号');
  await typeInto(() => screen.getByTestId('bind-code'), '370602B0002');
  await typeInto(() => screen.getByTestId('bind-room'), '3单元601');
  fireEvent.click(screen.getByTestId('residence-bind'));
  fireEvent.click(await screen.findByTestId('residence-request', undefined, slow));
  await waitFor(() => expect(screen.getByTestId('residence-status').textContent).toContain('2号楼3单元601'), slow);
  expect(screen.getByTestId('residence-status').textContent).toContain('等待网格员审核');
});

it('the grid worker approves a pending 住户认证 from the queue', async () => {
  actAs('demo-grid-worker');
  render(<CouncilVerify />);
  const item = await row('residence-item', 'demo-neighbour-new');
  expect(item.textContent).toContain('陈晓');
  expect(item.textContent).toContain('4单元501');
  fireEvent.click(within(item).getByTestId('approve'));
  await typeInto(() => within(item).getByTestId('area'), '96.5');
  fireEvent.click(within(item).getByTestId('confirm'));
  await waitFor(() => expect(screen.queryAllByTestId('residence-item').some((el) => el.getAttribute('data-id') === 'demo-neighbour-new')).toBe(false), slow);
  fireEvent.click(screen.getByTestId('status-verified'));
  const done = await row('residence-item', 'demo-neighbour-new');
  expect(done.textContent).toContain('96.5㎡');
});

it('discusses a matter: a comment, then a reply to it, named by building only', async () => {
  setRouterParams({ id: 'mt-demo-parking' });
  render(<CouncilMatter />);
  await screen.findByTestId('comments', undefined, slow);
  fireEvent.click(screen.getByTestId('comment-submit'));
  expect((await screen.findByTestId('comment-text-error', undefined, slow)).textContent).toContain('评论内容');
  await typeInto(() => screen.getByTestId('comment-text'), '建议把充电区放在东门，离楼远一些更安全。');
  fireEvent.click(screen.getByTestId('comment-submit'));
  const first = await waitFor(() => {
    const el = screen.queryAllByTestId('comment').find((e) => e.textContent?.includes('东门'));
    if (!el) throw new Error('no comment yet');
    return el;
  }, slow);
  expect(first.textContent).toContain('1号楼居民');
  expect(first.textContent).not.toContain('王秀英');
  fireEvent.click(within(first).getByTestId('reply'));
  expect(screen.getByTestId('reply-cancel').textContent).toContain('回复1号楼居民');
  await typeInto(() => screen.getByTestId('comment-text'), '同意，东门那边也有监控。');
  fireEvent.click(screen.getByTestId('comment-submit'));
  await waitFor(() => expect(screen.queryAllByTestId('comment').some((e) => e.textContent?.includes('回复1号楼居民'))).toBe(true), slow);
});

it('staff record 办事 progress with an owner and a due day', async () => {
  actAs('demo-community-staff');
  setRouterParams({ id: 'mt-demo-bins' });
  render(<CouncilMatter />);
  await screen.findByTestId('progress', undefined, slow);
  await typeInto(() => screen.getByTestId('progress-note'), '已确定三处投放亭位置');
  await typeInto(() => screen.getByTestId('progress-owner'), '刘洋');
  await typeInto(() => screen.getByTestId('progress-due'), '2026-02-30');
  fireEvent.click(screen.getByTestId('progress-submit'));
  expect((await screen.findByTestId('progress-due-error', undefined, slow)).textContent).toContain('日期');
  await typeInto(() => screen.getByTestId('progress-due'), '2026-12-31');
  fireEvent.click(screen.getByTestId('progress-submit'));
  const step = await screen.findByTestId('progress-step', undefined, slow);
  expect(step.textContent).toContain('负责人刘洋');
  expect(step.textContent).toContain('计划2026-12-31前完成');
  expect(step.textContent).toContain('已确定三处投放亭位置');
});

it('staff record a meeting’s minutes on a matter on the agenda', async () => {
  actAs('demo-community-staff');
  setRouterParams({ id: 'mt-demo-parking' });
  render(<CouncilMatter />);
  await screen.findByTestId('meetings', undefined, slow);
  await typeInto(() => screen.getByTestId('meeting-place'), '海岸社区议事厅');
  await typeInto(() => screen.getByTestId('meeting-minutes'), '短');
  fireEvent.click(screen.getByTestId('meeting-submit'));
  expect((await screen.findByTestId('meeting-minutes-error', undefined, slow)).textContent).toContain('会议纪要');
  await typeInto(() => screen.getByTestId('meeting-minutes'), '到会住户15户，同意重新划线，充电区位置改到东门。');
  fireEvent.click(screen.getByTestId('meeting-submit'));
  expect((await screen.findByTestId('meeting', undefined, slow)).textContent).toContain('充电区位置改到东门');
});

it('community staff see the 附议 threshold on the board and check a new value in words', async () => {
  actAs('demo-community-staff');
  render(<CouncilBoard />);
  expect((await screen.findByTestId('threshold', undefined, slow)).textContent).toContain('5 户');
  await typeInto(() => screen.getByTestId('threshold-input'), '1');
  fireEvent.click(screen.getByTestId('threshold-save'));
  expect((await screen.findByTestId('threshold-input-error', undefined, slow)).textContent).toContain('至少2户');
  expect(screen.getByTestId('threshold').textContent).toContain('5 户');
});
