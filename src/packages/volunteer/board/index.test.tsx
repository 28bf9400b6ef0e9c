import { render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import VolunteerBoard from './index';

jest.setTimeout(60_000);
const slow = { timeout: 30_000 };

it('a resident sees their community’s commitments, who claimed them, progress and each unit against the 5-project rule', async () => {
  actAs('demo-resident');
  setRouterParams({});
  render(<VolunteerBoard />);
  expect((await screen.findByTestId('board-title', undefined, slow)).textContent).toContain('海岸社区');
  await waitFor(() => expect(screen.getAllByTestId('project').length).toBeGreaterThanOrEqual(6), slow);
  const lights = screen.getAllByTestId('project').find((el) => el.textContent?.includes('老旧小区楼道照明改造'))!;
  expect(lights.textContent).toContain('芝罘区税务局');
  expect(lights.textContent).toContain('已完成海岸花园1-5号楼楼道灯更换');
  const open = screen.getAllByTestId('project').find((el) => el.textContent?.includes('四点半课堂志愿辅导'))!;
  expect(open.textContent).toContain('待认领');
  const tax = screen.getAllByTestId('tally').find((el) => el.textContent?.includes('芝罘区税务局'))!;
  expect(tax.textContent).toMatch(/[3-9]\/5项/);
  // Residents see the board, not the staff's buttons.
  expect(screen.queryByTestId('open-publish')).toBeNull();
});
