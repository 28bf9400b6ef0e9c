/**
 * The volunteer pages against the real local cloud: 孙海燕 (demo-resident-2, 海岸花园2号楼) browses her
 * community's activities and teams, signs up (confirming requirements where an activity has them) and
 * cancels; the community staff's 签到表 shows her and the code; 李建国's record shows his hours.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { navigation, setRouterParams } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import VolunteerHome from './index';
import VolunteerActivity from './activity/index';
import ServiceRecordPage from './record/index';
import VolunteerRoster from '../admin/volunteer-roster/index';

jest.setTimeout(90_000);
const slow = { timeout: 30_000 }; // a cold function instance on a busy machine

beforeEach(() => {
  navigation.length = 0;
  actAs('demo-resident-2');
});

it('lists the community’s upcoming activities and its teams, and opens an activity', async () => {
  render(<VolunteerHome />);
  const list = await screen.findByTestId('activities', undefined, slow);
  expect(list.textContent).toContain('海岸社区');
  const visit = within(list)
    .getAllByTestId('activity')
    .find((el) => el.textContent?.includes('独居老人入户探访'))!;
  expect(visit.textContent).toContain('邻里情');
  const teams = await screen.findByTestId('teams', undefined, slow);
  expect(teams.textContent).toContain('矛盾调处服务队');
  expect(teams.textContent).toContain('公益慈善服务队');
  fireEvent.click(visit);
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/volunteer/activity/index?id=va-haian-2' });
});

it('signs up only after confirming the requirements, shows the place, cancels; staff see her on the 签到表 with the code', async () => {
  setRouterParams({ id: 'va-haian-1' });
  const page = render(<VolunteerActivity />);
  await screen.findByTestId('activity-card', undefined, slow);
  expect(screen.getByTestId('activity-requirements').textContent).toBe('年满18岁');
  expect(screen.getByTestId('my-status').textContent).toBe('未报名');

  fireEvent.click(screen.getByTestId('sign-up'));
  expect((await screen.findByTestId('confirmRequirements-error', undefined, slow)).textContent).toContain('请确认您符合报名条件');
  fireEvent.click(screen.getByTestId('confirm-requirements'));
  fireEvent.click(screen.getByTestId('sign-up'));
  await waitFor(() => expect(screen.getByTestId('my-status').textContent).toBe('已报名'), slow);
  // Not yet inside the window (it starts tomorrow evening): the page says when check-in opens.
  expect(screen.getByTestId('check-window').textContent).toContain('签到时间');
  expect(screen.queryByTestId('check')).toBeNull();
  page.unmount();

  actAs('demo-community-staff');
  const sheet = render(<VolunteerRoster />);
  await screen.findByTestId('roster-activity', undefined, slow);
  expect(screen.getByTestId('roster-code').textContent).toMatch(/^\d{6}$/);
  expect(screen.getAllByTestId('roster-row').some((row) => row.getAttribute('data-openid') === 'demo-resident-2')).toBe(true);
  sheet.unmount();

  actAs('demo-resident-2');
  render(<VolunteerActivity />);
  await screen.findByTestId('cancel-sign-up', undefined, slow);
  fireEvent.click(screen.getByTestId('cancel-sign-up'));
  await waitFor(() => expect(screen.getByTestId('my-status').textContent).toBe('已取消报名'), slow);
  expect(screen.getByTestId('sign-up')).toBeTruthy();
});

it('shows 李建国’s service record with his hours and totals', async () => {
  actAs('demo-volunteer');
  render(<ServiceRecordPage />);
  const all = await screen.findByTestId('total-all', undefined, slow);
  expect(all.textContent).toContain('4');
  expect(all.textContent).toContain('累计');
  expect(screen.getByTestId('total-year').textContent).toMatch(/\d{4}年/);
  const items = screen.getAllByTestId('record-item');
  expect(items.find((el) => el.getAttribute('data-id') === 'va-haian-past-1')?.textContent).toContain('2小时');
});
