import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '@/api';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import VolunteerBehind from './index';

jest.setTimeout(90_000);
const slow = { timeout: 30_000 }; // a cold function instance on a busy machine

it('community staff see who is behind, remind once; a second tap sends nothing again', async () => {
  actAs('demo-community-staff');
  setRouterParams({});
  render(<VolunteerBehind />);
  const totals = await screen.findByTestId('totals', undefined, slow);
  // The seed's 双报到 members at 海岸社区 who have not served this half-year (于建华 through 芝罘区税务局).
  const report = await api.volunteer.behind({});
  expect(totals.textContent).toContain(`共${report.totals.members}人`);
  await waitFor(() => expect(screen.getAllByTestId('member-behind').map((el) => el.getAttribute('data-openid'))).toContain('party-haian-1'), slow);
  expect(screen.getByTestId('scope-name').textContent).toContain('海岸社区');
  // A community has no rows of communities below it.
  expect(screen.queryByTestId('communities')).toBeNull();

  fireEvent.click(screen.getByTestId('remind'));
  await waitFor(() => expect(screen.getByTestId('page-notice').textContent).toMatch(/已发送提醒\d+条|不再重复发送/), slow);
  fireEvent.click(screen.getByTestId('page-notice-close'));
  fireEvent.click(screen.getByTestId('remind'));
  await waitFor(() => expect(screen.getByTestId('page-notice').textContent).toContain('不再重复发送'), slow);
});

it('the district opens a street and drills into one of its communities', async () => {
  actAs('demo-district');
  setRouterParams({ scopeId: 's-xiangyang' });
  render(<VolunteerBehind />);
  const rows = await screen.findByTestId('communities', undefined, slow);
  const haian = within(rows)
    .getAllByTestId('community-row')
    .find((el) => el.getAttribute('data-id') === 'c-haian')!;
  expect(haian.textContent).toContain('海岸社区');
  fireEvent.click(haian);
  await waitFor(() => expect(screen.getByTestId('scope-name').textContent).toContain('海岸社区'), slow);
  fireEvent.click(screen.getByTestId('scope-back'));
  await waitFor(() => expect(screen.getByTestId('scope-name').textContent).toContain('向阳街道'), slow);
});
