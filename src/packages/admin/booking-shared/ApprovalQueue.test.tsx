/**
 * 待审核 against the real local cloud. A booking waits for approval only after the resident's
 * no-shows, which need slots already begun; so the queue is shown with a booking the cloud does not
 * know, and a decision on it must come back as an error in words.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { BookingSummary } from '@contract/booking.constants';
import { navigation, setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import BookingDay from '../booking-day/index';
import { ApprovalQueue } from './ApprovalQueue';
import { typeInto } from '../../../../tests/support/fields';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

beforeEach(() => {
  navigation.length = 0;
  setRouterParams({});
  actAs('demo-community-staff');
});

const waiting: BookingSummary = {
  id: 'bk-missing-approval',
  code: '000000',
  status: 'pending_approval',
  statusLabel: '待审核',
  community: { id: 'c-haian', name: '海岸社区' },
  slot: { label: '12月3日 18:00–18:30' },
  window: { id: 'w1', name: '1号窗口' },
  mode: 'window',
  channel: 'app',
  rating: null,
  createdAt: new Date().toISOString(),
  serviceName: '居住证明',
  residentName: '王秀英',
} as unknown as BookingSummary;

it('shows the day’s approval queue on 今日预约', async () => {
  render(<BookingDay />);
  const queue = await screen.findByTestId('approvals', undefined, slow);
  expect(queue.textContent).toContain('待审核');
});

it('offers 通过 and 不通过 with a reason, and says a failed decision in words', async () => {
  const onDone = jest.fn();
  render(<ApprovalQueue items={[waiting]} onDone={onDone} />);
  const row = screen.getByTestId('approval');
  expect(row.textContent).toContain('王秀英');
  expect(row.textContent).toContain('居住证明');

  fireEvent.click(within(row).getByTestId('approve'));
  const error = await screen.findByTestId('approval-error', undefined, slow);
  expect(error.textContent!.length).toBeGreaterThan(1);

  fireEvent.click(within(row).getByTestId('reject'));
  await typeInto(() => within(row).getByTestId('approval-reason'), '近30天爽约3次');
  fireEvent.click(within(row).getByTestId('reject-submit'));
  await waitFor(() => expect(screen.queryByTestId('approval-error') ?? screen.queryByTestId('approval-reason-error')).not.toBeNull(), slow);
  expect(onDone).not.toHaveBeenCalled();
});
