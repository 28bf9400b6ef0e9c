import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { typeInto } from '../../../../tests/support/fields';
import VolunteerUnits from './index';

jest.setTimeout(90_000);
const slow = { timeout: 30_000 };

const unitNamed = (name: string) => screen.queryAllByTestId('unit').find((el) => el.textContent?.includes(name));
const teamNamed = (name: string) => screen.queryAllByTestId('team').find((el) => el.textContent?.includes(name));

it('registers a unit (a bad phone is said under its field) and makes a new team its 党员志愿服务队', async () => {
  actAs('demo-community-staff');
  setRouterParams({});
  render(<VolunteerUnits />);
  await waitFor(() => expect(unitNamed('芝罘区税务局')?.textContent).toContain('党员先锋服务队'), slow);

  await typeInto(() => screen.getByTestId('unit-name'), '芝罘区住建局');
  await typeInto(() => screen.getByTestId('unit-contact'), '邵刚');
  await typeInto(() => screen.getByTestId('unit-phone'), '123');
  fireEvent.click(screen.getByTestId('register'));
  expect((await screen.findByTestId('unit-phone-error', undefined, slow)).textContent).toContain('手机号或座机号');
  expect(unitNamed('芝罘区住建局')).toBeUndefined();
  await typeInto(() => screen.getByTestId('unit-phone'), '0535-6660123');
  fireEvent.click(screen.getByTestId('register'));
  await waitFor(() => expect(unitNamed('芝罘区住建局')?.textContent).toContain('尚未组建'), slow);

  fireEvent.click(screen.getByTestId('new-team'));
  await screen.findByTestId('team-form', undefined, slow);
  await typeInto(() => screen.getByTestId('team-name'), '住建局党员服务队');
  const unitChip = await waitFor(() => {
    const chip = screen.getAllByText('芝罘区住建局').find((el) => el.closest('[data-testid^="team-unit-"]'));
    if (!chip) throw new Error('unit chip not shown');
    return chip.closest('[data-testid^="team-unit-"]') as HTMLElement;
  }, slow);
  fireEvent.click(unitChip);
  fireEvent.click(screen.getByTestId('save-team'));
  await waitFor(() => expect(teamNamed('住建局党员服务队')?.textContent).toContain('党员志愿服务队'), slow);
  await waitFor(() => expect(unitNamed('芝罘区住建局')?.textContent).toContain('住建局党员服务队'), slow);
});
