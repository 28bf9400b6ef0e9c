import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { INVITE_CODE_PATTERN } from '@contract/staff.constants';
import { navigation, setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { absent } from '../../../../tests/support/absent';
import StaffAdmin from './index';
import StaffAccept from '../staff-accept/index';

jest.setTimeout(90_000);
const slow = { timeout: 30_000 };

beforeEach(() => {
  navigation.length = 0;
  setRouterParams({});
});

it('刘洋 invites a grid worker (code, QR, expiry); a new WeChat user accepts; a second person is told the code is used', async () => {
  actAs('demo-community-staff');
  const admin = render(<StaffAdmin />);
  fireEvent.click(await screen.findByTestId('invite-role-grid_worker', undefined, slow));
  fireEvent.click(await screen.findByTestId('unit-0-c-haian', undefined, slow));
  fireEvent.click(await screen.findByTestId('unit-1-g-haian-3', undefined, slow));
  fireEvent.click(screen.getByTestId('invite-submit'));
  const code = (await screen.findByTestId('invitation-code', undefined, slow)).textContent!.trim();
  expect(code).toMatch(INVITE_CODE_PATTERN);
  expect(screen.getByTestId('invitation-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(screen.getByTestId('invitation').textContent).toContain('网格员 · 海岸社区第三网格');
  expect(screen.getByTestId('invitation-expires').textContent).toMatch(/\d{2}:\d{2}/);
  admin.unmount();

  // A brand-new WeChat user scans the invitation's mini-program code: its scene is the code, prefilled.
  actAs('__new__');
  setRouterParams({ scene: code });
  const accept = render(<StaffAccept />);
  fireEvent.click(screen.getByTestId('accept'));
  expect((await screen.findByTestId('accepted', undefined, slow)).textContent).toContain('网格员 · 海岸社区第三网格');
  accept.unmount();

  // A second person with the same code is told it is used.
  actAs('demo-resident');
  render(<StaffAccept />);
  fireEvent.click(screen.getByTestId('accept'));
  expect((await screen.findByTestId('accept-error', undefined, slow)).textContent).toContain('已被使用');
});

it('lists staff in reach and revokes one; the audit shows it', async () => {
  actAs('demo-community-staff');
  render(<StaffAdmin />);
  fireEvent.click(await screen.findByTestId('tab-members', undefined, slow));
  const member = await waitFor(() => {
    // The new user of the first test: no name yet, 海岸社区第三网格.
    const found = screen.queryAllByTestId('member').find((el) => el.textContent?.includes('微信用户') && el.textContent.includes('海岸社区第三网格'));
    if (!found) throw new Error('not listed yet');
    return found;
  }, slow);
  const openid = member.getAttribute('data-openid')!;
  fireEvent.click(within(member).getByTestId('member-revoke'));
  fireEvent.click(within(member).getByTestId('member-revoke-confirm'));
  await absent(() => screen.queryAllByTestId('member').find((el) => el.getAttribute('data-openid') === openid), slow);

  fireEvent.click(screen.getByTestId('tab-audit'));
  const revoked = await waitFor(() => {
    const found = screen.queryAllByTestId('audit-entry').find((el) => el.getAttribute('data-kind') === 'revoked');
    if (!found) throw new Error('not listed yet');
    return found;
  }, slow);
  expect(revoked.textContent).toContain('撤销权限');
  expect(revoked.textContent).toContain('刘洋');
});

it('马军 (district) invites the first staff of a property company he chooses', async () => {
  actAs('demo-district');
  render(<StaffAdmin />);
  fireEvent.click(await screen.findByTestId('invite-role-property_staff', undefined, slow));
  fireEvent.click(await screen.findByTestId('invite-company-pc-huamei', undefined, slow));
  fireEvent.click(screen.getByTestId('invite-submit'));
  expect((await screen.findByTestId('invitation', undefined, slow)).textContent).toContain('物业 · 华美物业管理有限公司');
});

it('says a grid worker cannot invite', async () => {
  actAs('demo-grid-worker');
  render(<StaffAdmin />);
  expect(await screen.findByText('您没有邀请工作人员的权限', undefined, slow)).toBeTruthy();
});
