import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { typeInto } from '../../../../tests/support/fields';
import VolunteerProjects from './index';

jest.setTimeout(90_000);
const slow = { timeout: 30_000 };

const projectNamed = (text: string) => screen.queryAllByTestId('project').find((el) => el.textContent?.includes(text));

it('publishes a commitment, claims it for a unit and posts progress; the unit’s tally counts it', async () => {
  actAs('demo-community-staff');
  setRouterParams({});
  render(<VolunteerProjects />);
  await waitFor(() => expect(projectNamed('老旧小区楼道照明改造')?.textContent).toContain('芝罘区税务局'), slow);
  const tally = () => screen.getAllByTestId('tally').find((el) => el.textContent?.includes('烟台港客运站'))!;
  const before = Number(/(\d+)\/5/.exec(tally().textContent ?? '')?.[1]);

  fireEvent.click(screen.getByTestId('open-publish'));
  await screen.findByTestId('publish-project', undefined, slow);
  fireEvent.click(screen.getByTestId('publish'));
  expect((await screen.findByTestId('project-content-error', undefined, slow)).textContent).toContain('服务内容');
  await typeInto(() => screen.getByTestId('project-content'), '港口开放日亲子活动');
  await typeInto(() => screen.getByTestId('project-owner'), '烟台港客运站党总支');
  fireEvent.click(screen.getByTestId('publish'));
  const card = await waitFor(() => {
    const found = projectNamed('港口开放日亲子活动');
    if (!found) throw new Error('not published yet');
    return found;
  }, slow);
  expect(card.textContent).toContain('待认领');

  const id = card.getAttribute('data-id')!;
  fireEvent.click(within(card).getByTestId(`manage-${id}`));
  const unit = await waitFor(() => {
    const chip = within(projectNamed('港口开放日亲子活动')!).getAllByText('烟台港客运站').find((el) => el.closest('[data-testid^="claim-unit-"]'));
    if (!chip) throw new Error('no unit chip');
    return chip.closest('[data-testid^="claim-unit-"]') as HTMLElement;
  }, slow);
  fireEvent.click(unit);
  fireEvent.click(screen.getByTestId(`claim-${id}`));
  await waitFor(() => expect(projectNamed('港口开放日亲子活动')?.textContent).toContain('烟台港客运站'), slow);
  await waitFor(() => expect(tally().textContent).toContain(`${before + 1}/5`), slow);

  fireEvent.click(within(projectNamed('港口开放日亲子活动')!).getByTestId(`manage-${id}`));
  await typeInto(() => screen.getByTestId('progress-note'), '已确定开放日日期');
  fireEvent.click(screen.getByTestId(`progress-${id}`));
  await waitFor(() => expect(projectNamed('港口开放日亲子活动')?.textContent).toContain('已确定开放日日期'), slow);
});
