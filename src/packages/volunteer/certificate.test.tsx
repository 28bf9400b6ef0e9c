/**
 * 双报到 and 志愿服务证明 against the real local cloud: 李建国 (demo-volunteer, seeded with two served
 * activities, 4 hours) declares his 报到单位 and community, issues a certificate; 王秀英 verifies it by
 * its code; the community staff see him among the reported party members.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import { typeInto } from '../../../tests/support/fields';
import DeclarePage from './declare/index';
import CertificatePage from './certificate/index';
import VerifyPage from './verify/index';
import VolunteerTeamAdmin from '../admin/volunteer-teams/index';

jest.setTimeout(90_000);
const slow = { timeout: 30_000 }; // a cold function instance on a busy machine

it('declares 双报到 again, issues a certificate others can verify, and shows up on the staff list', async () => {
  actAs('demo-volunteer');
  setRouterParams({});
  const declare = render(<DeclarePage />);
  await screen.findByTestId('unit', undefined, slow);
  // The seed has him reported to his unit already; declaring again keeps one declaration, updated.
  expect((await screen.findByTestId('declaration', undefined, slow)).textContent).toContain('报到单位芝罘区税务局');
  await typeInto(() => screen.getByTestId('unit'), '芝罘区财政局机关党支部');
  expect(screen.getByTestId('to-community').getAttribute('data-checked')).toBe('true');
  fireEvent.click(screen.getByTestId('declare-submit'));
  await waitFor(() => expect(screen.getByTestId('declaration').textContent).toContain('芝罘区财政局机关党支部'), slow);
  const card = screen.getByTestId('declaration');
  expect(card.textContent).toContain('海岸社区');
  expect(screen.getByTestId('half-year').textContent).toMatch(/^\d+次，[\d.]+小时$/);
  declare.unmount();

  const page = render(<CertificatePage />);
  fireEvent.click(await screen.findByTestId('issue', undefined, slow));
  await screen.findByTestId('certificate', undefined, slow);
  expect(screen.getByTestId('cert-name').textContent).toBe('李建国');
  expect(screen.getByTestId('cert-hours').textContent).toBe('4小时');
  expect(screen.getByTestId('cert-issuer').textContent).toBe('海岸社区志愿服务站');
  const code = screen.getByTestId('cert-code').textContent!;
  expect(code).toMatch(/^[0-9A-Z]{16}$/);
  page.unmount();

  actAs('demo-resident');
  setRouterParams({ code });
  render(<VerifyPage />);
  fireEvent.click(await screen.findByTestId('verify'));
  await screen.findByTestId('verified', undefined, slow);
  expect(screen.getByTestId('cert-code').textContent).toBe(code);
  expect(screen.getByTestId('cert-hours').textContent).toBe('4小时');

  actAs('demo-community-staff');
  setRouterParams({});
  render(<VolunteerTeamAdmin />);
  await waitFor(() => expect(screen.getAllByTestId('reported-member').some((el) => el.getAttribute('data-openid') === 'demo-volunteer')).toBe(true), slow);
  expect(screen.getByTestId('reported-summary').textContent).toMatch(/共\d+人报到/);
});

it('says so in words when a code is wrong', async () => {
  actAs('demo-resident');
  setRouterParams({ code: 'ZZZZZZZZZZZZZZZZ' });
  render(<VerifyPage />);
  fireEvent.click(await screen.findByTestId('verify'));
  expect((await screen.findByTestId('verify-error', undefined, slow)).textContent).toContain('验证码不正确');
});
