import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { navigation, setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { typeInto } from '../../../../tests/support/fields';
import VolunteerRoster from './index';

jest.setTimeout(60_000);
const slow = { timeout: 30_000 }; // a cold function instance on a busy machine

beforeEach(() => {
  navigation.length = 0;
  actAs('demo-community-staff');
});

it('shows the 签到表 with the code and its QR; a correction needs a reason and is kept with it', async () => {
  // 邻里调解接待日, nine days ago 09:00–12:00: 李建国 checked in 08:50 and out 11:20 (2 h by the default rule).
  setRouterParams({ id: 'va-haian-past-2' });
  render(<VolunteerRoster />);
  await screen.findByTestId('roster-activity', undefined, slow);
  expect(screen.getByTestId('roster-code').textContent).toMatch(/^\d{6}$/);
  expect(screen.getByTestId('roster-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  // It has ended: no cancelling.
  expect(screen.queryByTestId('cancel-activity')).toBeNull();
  const row = () => screen.getAllByTestId('roster-row').find((el) => el.getAttribute('data-openid') === 'demo-volunteer')!;
  expect(within(row()).getByTestId('row-hours').textContent).toBe('2小时');

  fireEvent.click(within(row()).getByTestId('open-correction'));
  await typeInto(() => within(row()).getByTestId('correct-in'), '09:00');
  await typeInto(() => within(row()).getByTestId('correct-out'), '11:20');
  fireEvent.click(within(row()).getByTestId('correct-submit'));
  expect((await within(row()).findByTestId('correct-reason-error', undefined, slow)).textContent).toContain('更正原因');

  await typeInto(() => within(row()).getByTestId('correct-reason'), '签到时间以调解室登记簿为准');
  fireEvent.click(within(row()).getByTestId('correct-submit'));
  await waitFor(() => expect(within(row()).getByTestId('row-hours').textContent).toBe('2小时（已更正）'), slow);
  expect(row().textContent).toContain('签到时间以调解室登记簿为准');
});
