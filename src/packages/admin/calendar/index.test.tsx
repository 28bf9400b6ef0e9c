import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import AdminCalendar from './index';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

/** Types into the Taro <Textarea> (the Stencil element renders its inner textarea a moment later). */
async function typeInto(testId: string, value: string) {
  const textarea = await waitFor(() => {
    const host = screen.getByTestId(testId);
    const inner = host.tagName === 'TEXTAREA' ? host : host.querySelector('textarea');
    if (!inner) throw new Error(`no textarea in ${testId} yet`);
    return inner;
  });
  fireEvent.input(textarea, { target: { value } });
}

// A year far enough ahead that no other test's deadline reaches it.
const YEAR = '2031';

it('shows a grid worker a year by statutory rule, read-only', async () => {
  actAs('demo-grid-worker');
  setRouterParams({ year: YEAR });
  render(<AdminCalendar />);
  await screen.findByTestId('calendar', undefined, slow);
  expect(screen.getByTestId('calendar-source').textContent).toBe('按法定节假日推算');
  expect(screen.getByTestId('calendar-rule-warning').textContent).toContain('2031 年放假安排尚未录入');
  expect(screen.getByTestId('calendar-day-2031-01-01').textContent).toContain('元旦');
  expect(screen.queryByTestId('calendar-editor')).toBeNull();
});

it('lets the district commander enter the year, with errors on the lines they belong to', async () => {
  actAs('demo-district');
  setRouterParams({ year: YEAR });
  render(<AdminCalendar />);
  await screen.findByTestId('calendar-editor', undefined, slow);

  // A line the page cannot read.
  await typeInto('calendar-lines', '2031-01-01 元旦\n春节放假七天');
  fireEvent.click(screen.getByTestId('calendar-save'));
  expect((await screen.findByTestId('calendar-lines-error')).textContent).toContain('第 2 行：无法识别');

  // Lines the server refuses: a 补班 on a weekday (2031-01-03 is a Friday), a day of another year.
  await typeInto('calendar-lines', '2031-01-01 元旦\n2030-12-31 元旦\n2031-01-03 补班');
  fireEvent.click(screen.getByTestId('calendar-save'));
  await waitFor(() => expect(screen.getByTestId('calendar-lines-error').textContent).toContain('第 3 行：补班日应为周六或周日'), slow);
  expect(screen.getByTestId('calendar-lines-error').textContent).toContain('第 2 行：日期须在 2031 年内');
  expect(screen.getByTestId('calendar-source').textContent).toBe('按法定节假日推算');

  await typeInto('calendar-lines', '2031-01-01 元旦\n2031-01-22 至 2031-01-28 春节\n2031-01-19 补班');
  fireEvent.click(screen.getByTestId('calendar-save'));
  await waitFor(() => expect(screen.getByTestId('calendar-source').textContent).toBe('区市录入的国务院安排'), slow);
  expect(screen.getByTestId('calendar-day-2031-01-19').textContent).toContain('上班');
  expect(screen.getByTestId('calendar-day-2031-01-28').textContent).toContain('春节');
  expect(screen.getByTestId('calendar-history').textContent).toContain('第 1 版 · 马军');
});
