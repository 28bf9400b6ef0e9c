import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { navigation, setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { typeInto } from '../../../../tests/support/fields';
import VolunteerActivities from './index';

jest.setTimeout(60_000);
const slow = { timeout: 30_000 }; // a cold function instance on a busy machine

beforeEach(() => {
  navigation.length = 0;
  setRouterParams({});
  actAs('demo-community-staff');
});

it('lists the community’s activities and its hours rule; a new activity needs a title, then opens its 签到表', async () => {
  render(<VolunteerActivities />);
  await waitFor(() => expect(screen.getAllByTestId('activity').length).toBeGreaterThanOrEqual(6), slow);
  const rule = await screen.findByTestId('hours-rule', undefined, slow);
  expect(screen.getByTestId('rule-unit-30').getAttribute('data-active')).toBe('true');
  expect(screen.getByTestId('rule-mode-down').getAttribute('data-active')).toBe('true');
  expect(rule.textContent).toContain('向下取整');

  fireEvent.click(screen.getByTestId('open-create'));
  await screen.findByTestId('create-activity', undefined, slow);
  fireEvent.click(screen.getByTestId('team-vt-haian-xunluo'));
  fireEvent.click(screen.getByTestId('type-safety'));
  await typeInto(() => screen.getByTestId('place'), '渔港新村北门');
  fireEvent.click(screen.getByTestId('publish'));
  expect((await screen.findByTestId('title-error', undefined, slow)).textContent).toContain('活动名称');
  expect(navigation).toEqual([]);

  await typeInto(() => screen.getByTestId('title'), '渔港新村消防通道清理');
  fireEvent.click(screen.getByTestId('requirement-adult'));
  fireEvent.click(screen.getByTestId('publish'));
  await waitFor(() => expect(navigation.some((n) => n.url?.startsWith('/packages/admin/volunteer-roster/index?id=va'))).toBe(true), slow);
});
