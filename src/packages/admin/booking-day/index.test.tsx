/**
 * 今日预约 against the real local cloud: 王秀英 (demo-resident) books today's slot, 刘洋
 * (demo-community-staff, on duty) checks her in by the code and marks the booking served; a phone
 * booking is taken for a caller.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '@/api';
import { uuid } from '@/utils/uuid';
import { navigation, setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import BookingDay from './index';
import { typeInto } from '../../../../tests/support/fields';
import { arriveTodayInCloud } from '../../../../tests/support/booking';
import type { BookingView } from '@contract/booking.constants';
import { absent } from '../../../../tests/support/absent';

jest.setTimeout(90_000);
const slow = { timeout: 20_000 };

beforeEach(() => {
  navigation.length = 0;
  setRouterParams({});
});

/**
 * 王秀英 books the first slot she can (an evening one where there is), and its day arrives: the
 * front desk works on today's bookings, whatever the hour the suite runs at.
 */
async function bookForToday(serviceId: string): Promise<BookingView> {
  actAs('demo-resident');
  const { days } = await api.booking.slots({ communityId: 'c-haian', serviceId });
  const slots = days.flatMap((d) => d.slots).filter((s) => s.left > 0);
  const slot = slots.find((s) => s.kind === 'extended') ?? slots[0];
  const booking = await api.booking.book({ requestId: uuid(), communityId: 'c-haian', serviceId, slotId: slot.id, mode: 'window' });
  arriveTodayInCloud(booking.id);
  return booking;
}

it('checks a resident in by her code and marks the booking served with a note', async () => {
  const booking = await bookForToday('sv-haian-residence');
  actAs('demo-community-staff');
  render(<BookingDay />);
  expect((await screen.findByTestId('day-summary', undefined, slow)).textContent).toContain('海岸社区');

  const row = () => screen.getAllByTestId('day-booking').find((el) => el.getAttribute('data-id') === booking.id)!;
  await waitFor(() => expect(row()).toBeDefined(), slow);
  expect(row().textContent).toContain('王秀英');

  await typeInto(() => screen.getByTestId('code'), booking.code);
  fireEvent.click(screen.getByTestId('code-check-in'));
  await waitFor(() => expect(row()?.getAttribute('data-status')).toBe('checked_in'), slow);

  fireEvent.click(within(row()).getByTestId('serve'));
  await typeInto(() => within(row()).getByTestId('serve-note'), '已开具居住证明');
  fireEvent.click(within(row()).getByTestId('serve-submit'));
  await waitFor(() => expect(row()?.getAttribute('data-status')).toBe('served'), slow);

  actAs('demo-resident');
  const seen = await api.booking.detail({ id: booking.id });
  expect(seen.served?.note).toBe('已开具居住证明');
  expect(seen.can.rate).toBe(true);
});

it('says a wrong code in words', async () => {
  actAs('demo-community-staff');
  render(<BookingDay />);
  await screen.findByTestId('day-summary', undefined, slow);
  await typeInto(() => screen.getByTestId('code'), '12');
  fireEvent.click(screen.getByTestId('code-check-in'));
  await waitFor(() => expect(screen.queryByTestId('code-error') ?? screen.queryByTestId('day-error')).not.toBeNull(), slow);
});

it('takes a phone booking for a caller without the app', async () => {
  actAs('demo-community-staff');
  render(<BookingDay />);
  await screen.findByTestId('day-summary', undefined, slow);
  fireEvent.click(screen.getByTestId('phone-open'));
  fireEvent.click(await screen.findByTestId('phone-service-sv-haian-insurance', undefined, slow));
  await screen.findByTestId('slot-days', undefined, slow);
  const open = () => screen.queryAllByTestId(/^slot-\d{8}-\d{4}$/).find((el) => !el.className.includes('disabled'));
  for (const chip of screen.getAllByTestId(/^slot-day-\d{4}-\d{2}-\d{2}$/)) {
    fireEvent.click(chip);
    if (open()) break;
  }
  fireEvent.click(open()!);
  await typeInto(() => screen.getByTestId('phone-name'), '李桂兰');
  await typeInto(() => screen.getByTestId('phone-number'), '13800001234');
  fireEvent.click(screen.getByTestId('phone-submit'));
  const notice = await screen.findByText(/已代为预约，预约码 \d{6}/, undefined, slow);
  expect(notice).toBeTruthy();
});

it('lists an open 差评 with its deadline and answers it', async () => {
  const booking = await bookForToday('sv-haian-senior');
  actAs('demo-community-staff');
  await api.booking.checkIn({ id: booking.id });
  const checkedIn = await api.booking.detail({ id: booking.id });
  await api.booking.serve({ id: booking.id, version: checkedIn.version, note: '已办理' });
  actAs('demo-resident');
  await api.booking.rate({ id: booking.id, rating: 'dissatisfied', comment: '等了很久' });

  actAs('demo-community-staff');
  render(<BookingDay />);
  const row = () => screen.queryAllByTestId('complaint').find((el) => el.getAttribute('data-id') === booking.id);
  await waitFor(() => expect(row()).toBeDefined(), slow);
  expect(row()!.textContent).toContain('等了很久');
  expect(within(row()!).getByTestId('complaint-due').textContent).toMatch(/前回复|超过回复期限/);

  // Too short: said in words under the field.
  await typeInto(() => within(row()!).getByTestId('answer-text'), '好');
  fireEvent.click(within(row()!).getByTestId('answer-submit'));
  await waitFor(() => expect(within(row()!).queryByTestId('answer-text-error') ?? within(row()!).queryByTestId('answer-error')).not.toBeNull(), slow);

  await typeInto(() => within(row()!).getByTestId('answer-text'), '已安排增加窗口，抱歉让您久等');
  fireEvent.click(within(row()!).getByTestId('answer-submit'));
  await absent(() => row(), slow);

  actAs('demo-resident');
  const seen = await api.booking.detail({ id: booking.id });
  expect(JSON.stringify(seen)).toContain('已安排增加窗口');
});
