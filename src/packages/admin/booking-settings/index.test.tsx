import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { addDays, today } from '@/utils/time';
import { navigation, setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import BookingSettings from './index';
import { typeInto } from '../../../../tests/support/fields';
import { absent } from '../../../../tests/support/absent';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

beforeEach(() => {
  navigation.length = 0;
  setRouterParams({});
  actAs('demo-community-staff');
});

it('shows the catalogue, sessions and rules, and swaps a duty', async () => {
  render(<BookingSettings />);
  expect((await screen.findByTestId('settings-head', undefined, slow)).textContent).toContain('海岸社区');
  expect(screen.getByTestId('catalogue').textContent).toContain('老年优待证');
  expect(screen.getByTestId('sessions').textContent).toContain('18:00–20:00');
  expect(screen.getByTestId('rules').textContent).toContain('取消改约截止分钟数');

  // The furthest duty, so the other tests' slots keep theirs.
  const duties = screen.getAllByTestId('duty');
  const last = duties[duties.length - 1];
  const day = last.getAttribute('data-day')!;
  const session = last.getAttribute('data-session')!;
  const target = within(last).getByTestId('duty-staff').textContent === '周强' ? ['demo-grid-worker', '张丽'] : ['demo-grid-worker-2', '周强'];
  fireEvent.click(within(last).getByTestId('duty-swap'));
  fireEvent.click(within(last).getByTestId(`duty-${day}-${session}-${target[0]}`));
  const row = () => screen.getAllByTestId('duty').find((el) => el.getAttribute('data-day') === day && el.getAttribute('data-session') === session)!;
  await waitFor(() => expect(within(row()).getByTestId('duty-staff').textContent).toBe(target[1]), slow);
});

it('adds a closure day and removes it, and says a bad date in words', async () => {
  render(<BookingSettings />);
  await screen.findByTestId('closures', undefined, slow);
  await typeInto(() => screen.getByTestId('closure-day'), '2026-13-40');
  await typeInto(() => screen.getByTestId('closure-reason'), '装修');
  fireEvent.click(screen.getByTestId('closure-add'));
  expect((await screen.findByTestId('closure-day-error', undefined, slow)).textContent).toContain('日期');

  const day = addDays(today(), 13);
  await typeInto(() => screen.getByTestId('closure-day'), day);
  fireEvent.click(screen.getByTestId('closure-add'));
  const closure = await waitFor(() => {
    const found = screen.queryAllByTestId('closure').find((el) => el.textContent?.includes(day));
    if (!found) throw new Error('not listed yet');
    return found;
  }, slow);
  expect(closure.textContent).toContain('装修');
  fireEvent.click(within(closure).getByText('删除'));
  await waitFor(() => expect(screen.queryAllByTestId('closure').some((el) => el.textContent?.includes(day))).toBe(false), slow);
});

it('adds a service, then edits its materials, minutes and 开放预约, and says bad minutes in words', async () => {
  render(<BookingSettings />);
  await screen.findByTestId('catalogue', undefined, slow);
  const name = `测试服务${Date.now() % 100000}`;
  fireEvent.click(screen.getByTestId('service-add'));
  const form = () => screen.getByTestId('service-form-new');
  await typeInto(() => within(form()).getByTestId('service-name'), name);
  await typeInto(() => within(form()).getByTestId('service-materials'), '身份证原件\n\n户口本');
  await typeInto(() => within(form()).getByTestId('service-minutes'), '500');
  fireEvent.click(within(form()).getByTestId('service-save'));
  expect((await screen.findByTestId('service-minutes-error', undefined, slow)).textContent).toContain('分钟');

  await typeInto(() => within(form()).getByTestId('service-minutes'), '20');
  fireEvent.click(within(form()).getByTestId('service-save'));
  const card = () => screen.queryAllByTestId('settings-service').find((el) => el.textContent?.includes(name));
  await waitFor(() => expect(card()).toBeDefined(), slow);
  expect(card()!.textContent).toContain('每次 20 分钟');
  expect(card()!.textContent).toContain('户口本');
  expect(card()!.textContent).toContain('开放预约');

  const id = card()!.getAttribute('data-id')!;
  fireEvent.click(within(card()!).getByTestId('service-edit'));
  const edit = () => screen.getByTestId(`service-form-${id}`);
  await typeInto(() => within(edit()).getByTestId('service-materials'), '身份证原件\n户口本\n一寸照片');
  await typeInto(() => within(edit()).getByTestId('service-minutes'), '15');
  fireEvent.click(within(edit()).getByTestId('service-active'));
  fireEvent.click(within(edit()).getByTestId('service-save'));
  await waitFor(() => expect(card()?.textContent).toContain('已停用'), slow);
  expect(card()!.textContent).toContain('一寸照片');
  expect(card()!.textContent).toContain('每次 15 分钟');
});

it('sets the weekly duty pattern for a weekday', async () => {
  render(<BookingSettings />);
  const panel = await screen.findByTestId('duty-pattern', undefined, slow);
  // A weekday five days ahead, so the other tests' slots keep their duty.
  const weekday = new Date(`${addDays(today(), 5)}T12:00:00+08:00`).getDay();
  fireEvent.click(within(panel).getByTestId(`pattern-weekday-${weekday}`));
  const chosen = () => within(screen.getByTestId('duty-pattern')).getAllByTestId(/^pattern-staff-/).find((el) => el.className.includes('chip--active'));
  const before = chosen()?.getAttribute('data-testid');
  const target = before === 'pattern-staff-demo-grid-worker' ? 'pattern-staff-demo-grid-worker-2' : 'pattern-staff-demo-grid-worker';
  fireEvent.click(within(panel).getByTestId(target));
  await waitFor(() => expect(chosen()?.getAttribute('data-testid')).toBe(target), slow);
  expect(screen.getAllByTestId('pattern-row').length).toBeGreaterThan(0);
});

it('edits a booking rule, and says an out-of-range value in words', async () => {
  render(<BookingSettings />);
  const rules = await screen.findByTestId('rules', undefined, slow);
  fireEvent.click(within(rules).getByTestId('rules-edit'));
  await typeInto(() => screen.getByTestId('rule-noShowLimit'), '0');
  fireEvent.click(screen.getByTestId('rules-save'));
  expect((await screen.findByTestId('rule-noShowLimit-error', undefined, slow)).textContent).toContain('爽约次数上限');

  await typeInto(() => screen.getByTestId('rule-noShowLimit'), '3');
  fireEvent.click(screen.getByTestId('rules-save'));
  await absent(() => screen.queryByTestId('rules-save'), slow);
  expect(screen.getByTestId('rules').textContent).toContain('爽约次数上限3');
});

it('renames an opening session, and says an end before the start in words', async () => {
  render(<BookingSettings />);
  await screen.findByTestId('sessions', undefined, slow);
  const first = screen.getAllByTestId('session')[0];
  const id = first.getAttribute('data-id')!;
  fireEvent.click(within(first).getByTestId('session-edit'));
  const form = () => screen.getByTestId(`session-form-${id}`);
  const start = (within(form()).getByTestId('session-start').querySelector('input') as HTMLInputElement | null)?.value;
  await typeInto(() => within(form()).getByTestId('session-end'), '00:01');
  fireEvent.click(within(form()).getByTestId('session-save'));
  await waitFor(() => expect(screen.queryByTestId('session-end-error') ?? screen.queryByTestId('session-error')).not.toBeNull(), slow);

  const end = screen.queryAllByTestId('session-end')[0];
  expect(end).toBeDefined();
  fireEvent.click(within(form()).getByTestId('session-cancel'));
  const name = `时段${Date.now() % 1000}`;
  fireEvent.click(within(screen.getAllByTestId('session').find((el) => el.getAttribute('data-id') === id)!).getByTestId('session-edit'));
  await typeInto(() => within(form()).getByTestId('session-name'), name);
  fireEvent.click(within(form()).getByTestId('session-save'));
  await waitFor(() => expect(screen.getByTestId('sessions').textContent).toContain(name), slow);
  if (start) expect(screen.getByTestId('sessions').textContent).toContain(start);
});

it('adds a window and a Sunday 错时 session on it; the window in use cannot go; removes the session, then the window', async () => {
  render(<BookingSettings />);
  await screen.findByTestId('windows', undefined, slow);
  await typeInto(() => screen.getByTestId('window-name'), '3号窗口（周日）');
  fireEvent.click(screen.getByTestId('window-add'));
  const windowRow = () => screen.queryAllByTestId('window').find((el) => el.textContent?.includes('3号窗口（周日）'));
  await waitFor(() => expect(windowRow()).toBeDefined(), slow);
  const windowId = windowRow()!.getAttribute('data-id')!;

  fireEvent.click(screen.getByTestId('session-add'));
  const form = await screen.findByTestId('session-form-new');
  await typeInto(() => within(form).getByTestId('session-name'), '周日下午');
  fireEvent.click(within(form).getByTestId('session-kind-staggered'));
  expect(within(form).getByTestId('session-days-restday').className).toContain('active');
  fireEvent.click(within(form).getByTestId('session-weekday-0'));
  await typeInto(() => within(form).getByTestId('session-start'), '14:00');
  await typeInto(() => within(form).getByTestId('session-end'), '13:00');
  fireEvent.click(within(form).getByTestId(`session-window-w1`)); // off: only the new window
  fireEvent.click(within(form).getByTestId(`session-window-${windowId}`));
  fireEvent.click(within(form).getByTestId('session-save'));
  expect((await within(form).findByTestId('session-end-error', undefined, slow)).textContent).toContain('结束时间须晚于开始时间');
  await typeInto(() => within(form).getByTestId('session-end'), '16:00');
  fireEvent.click(within(form).getByTestId('session-save'));
  const sessionRow = () => screen.queryAllByTestId('session').find((el) => el.textContent?.includes('周日下午'));
  await waitFor(() => expect(sessionRow()).toBeDefined(), slow);
  expect(sessionRow()!.textContent).toMatch(/错时 周日下午.*休息日（周日） 14:00–16:00 · 3号窗口（周日）/);

  fireEvent.click(within(windowRow()!).getByTestId('window-remove'));
  expect((await screen.findByTestId('settings-error', undefined, slow)).textContent).toContain(windowId);

  fireEvent.click(within(sessionRow()!).getByTestId('session-remove'));
  await absent(() => sessionRow(), slow);
  fireEvent.click(within(windowRow()!).getByTestId('window-remove'));
  await absent(() => windowRow(), slow);
});
