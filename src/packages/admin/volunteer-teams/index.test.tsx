import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '@/api';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import VolunteerTeamAdmin from './index';

jest.setTimeout(60_000);
const slow = { timeout: 30_000 }; // a cold function instance on a busy machine

it('the leader approves a request to join a team that needs approval', async () => {
  // 孙海燕 asks to join 健康义诊服务队 (approval needed; its leader is 王秀英).
  actAs('demo-resident-2');
  expect((await api.volunteer.joinTeam({ teamId: 'vt-haian-yiliao' })).myStatus).toBe('pending');

  actAs('demo-resident');
  setRouterParams({});
  render(<VolunteerTeamAdmin />);
  const team = await waitFor(() => {
    const found = screen.getAllByTestId('team-members').find((el) => el.getAttribute('data-id') === 'vt-haian-yiliao');
    if (!found) throw new Error('team not shown yet');
    return found;
  }, slow);
  // A leader who is not staff sees their teams, not the 双报到 list.
  expect(screen.queryByTestId('reported')).toBeNull();
  const member = () => within(team).getAllByTestId('member').find((el) => el.getAttribute('data-openid') === 'demo-resident-2')!;
  await waitFor(() => expect(member()).toBeTruthy(), slow);
  fireEvent.click(within(member()).getByTestId('approve-demo-resident-2'));
  await waitFor(() => expect(member().textContent).toContain('已加入'), slow);

  actAs('demo-resident-2');
  const { teams } = await api.volunteer.teams({});
  expect(teams.find((t) => t.id === 'vt-haian-yiliao')?.myStatus).toBe('active');
});
