/**
 * The resident's booking pages against the real local cloud, as 王秀英 (demo-resident, 海岸花园1号楼):
 * the services with their materials, an evening (延时) slot booked, its code, 我的预约, and — once the
 * front desk has served it — the five-level rating.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '@/api';
import { navigation, setRouterParams } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import BookingEntry from './index';
import BookingService from './service/index';
import BookingDetail from './booking/index';
import MyBookings from './mine/index';
import { arriveTodayInCloud, changeable } from '../../../tests/support/booking';

jest.setTimeout(90_000);
const slow = { timeout: 20_000 };

beforeEach(() => {
  navigation.length = 0;
  actAs('demo-resident');
});

it('lists the services of the household’s community with their materials', async () => {
  render(<BookingEntry />);
  const community = await screen.findByTestId('booking-community', undefined, slow);
  expect(community.textContent).toContain('海岸社区');
  const services = screen.getAllByTestId('service');
  expect(services.length).toBeGreaterThan(3);
  const proof = services.find((s) => s.textContent?.includes('证明开具'))!;
  expect(within(proof).getByTestId('materials').textContent).toContain('本人身份证原件');
  fireEvent.click(within(proof).getByTestId('book-sv-haian-proof'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/booking/service/index?communityId=c-haian&serviceId=sv-haian-proof' });
});

it('books an evening slot, shows its code, lists it, and rates it once served', async () => {
  setRouterParams({ communityId: 'c-haian', serviceId: 'sv-haian-proof' });
  const page = render(<BookingService />);
  await screen.findByTestId('service-card', undefined, slow);
  expect(screen.getByTestId('materials').textContent).toContain('户口簿或居住证');

  // Without a slot the form says so in words.
  fireEvent.click(screen.getByTestId('submit'));
  expect((await screen.findByTestId('slotId-error')).textContent).toContain('请选择预约时段');

  // The first evening that can still be booked: the days are chips, one day's slots at a time.
  const openEvening = () =>
    screen.queryAllByTestId(/^slot-\d{8}-\d{4}$/).find((el) => el.getAttribute('data-kind') === 'extended' && !el.className.includes('disabled'));
  let evening: HTMLElement | undefined;
  for (const chip of screen.getAllByTestId(/^slot-day-\d{4}-\d{2}-\d{2}$/)) {
    fireEvent.click(chip);
    evening = openEvening();
    if (evening) break;
  }
  expect(evening).toBeDefined();
  fireEvent.click(evening!);
  fireEvent.click(screen.getByTestId('submit'));
  await waitFor(() => expect(navigation.some((n) => n.method === 'redirectTo')).toBe(true), slow);
  const url = navigation.find((n) => n.method === 'redirectTo')!.url!;
  const id = decodeURIComponent(url.split('id=')[1]);
  page.unmount();

  setRouterParams({ id });
  const detail = render(<BookingDetail />);
  const code = await screen.findByTestId('booking-code', undefined, slow);
  expect(code.textContent).toMatch(/^\d{6}$/);
  expect(screen.getByTestId('booking-status').textContent).toBe('已预约');
  expect(screen.getByTestId('booking-time').textContent).toContain('延时');
  // Cancelling is offered until the cut-off (two hours before): today's evening may already be inside it.
  const slotId = evening!.getAttribute('data-testid')!.slice('slot-'.length);
  if (changeable(slotId, Date.now(), 0)) expect(screen.getByTestId('cancel')).toBeTruthy();
  else expect(screen.queryByTestId('cancel')).toBeNull();
  detail.unmount();

  setRouterParams({});
  const mine = render(<MyBookings />);
  await waitFor(() => expect(screen.getAllByTestId('my-booking').some((el) => el.getAttribute('data-id') === id)).toBe(true), slow);
  mine.unmount();

  // Its day arrives; the front desk serves it (the staff pages have their own tests); then the resident rates.
  arriveTodayInCloud(id);
  actAs('demo-community-staff');
  const booking = await api.booking.detail({ id });
  const served = await api.booking.serve({ id, version: booking.version, note: '已开具证明' });
  expect(served.status).toBe('served');
  actAs('demo-resident');
  setRouterParams({ id });
  render(<BookingDetail />);
  await screen.findByTestId('rate', undefined, slow);
  fireEvent.click(screen.getByTestId('rating-very_satisfied'));
  fireEvent.click(screen.getByTestId('rate-submit'));
  expect((await screen.findByTestId('booking-rating', undefined, slow)).textContent).toContain('非常满意');
});

