import { fireEvent, render, screen } from '@testing-library/react';
import { navigation } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import Mine from './index';

jest.setTimeout(30_000);
const slow = { timeout: 15_000 };

beforeEach(() => {
  navigation.length = 0;
});

const rows = () => Array.from(screen.getByTestId('mine-entries').children).map((row) => row.getAttribute('data-testid'));

it('offers a resident the modules’ rows, then 我是工作人员 for an invitation code, and no workbench', async () => {
  actAs('demo-resident');
  render(<Mine />);
  expect((await screen.findByTestId('my-name', undefined, slow)).textContent).toBe('王秀英');
  expect(screen.getByText('住址：1号楼 2单元301')).toBeTruthy();
  expect(rows()).toEqual(['mine-appeals', 'mine-booking', 'mine-volunteer', 'mine-council', 'mine-staff-accept']);
  fireEvent.click(screen.getByText('我的预约'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/booking/mine/index' });
  fireEvent.click(screen.getByText('我是工作人员'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/admin/staff-accept/index' });
});

it('offers staff the workbench first', async () => {
  actAs('demo-grid-worker');
  render(<Mine />);
  await screen.findByTestId('my-name', undefined, slow);
  expect(rows()[0]).toBe('mine-admin');
  expect(rows()).not.toContain('mine-staff-accept');
  fireEvent.click(screen.getByText('工作台'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/admin/index' });
});
