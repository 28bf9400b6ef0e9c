import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ResolvedPlace } from '@contract/org';
import Taro, { navigation } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import Home from './index';

jest.setTimeout(30_000);
const slow = { timeout: 15_000 };

const PLACE_KEY = 'jy.currentPlace';
/** demo-resident's bound household: 海岸花园 1号楼 (b-0001). */
const HOUSEHOLD_CODE = '370602B0001';

beforeEach(() => {
  navigation.length = 0;
  window.localStorage.clear();
});

it('asks a resident with no household to scan, and opens the landing page for a typed code', async () => {
  actAs('__new__');
  const { container } = render(<Home />);
  expect(await screen.findByTestId('no-place', undefined, slow)).toBeTruthy();
  const input = await waitFor(() => {
    const el = container.querySelector('input');
    if (!el) throw new Error('input not rendered yet');
    return el;
  });
  fireEvent.input(input, { target: { value: ' 370602B0003 ' } });
  fireEvent.click(await screen.findByText('查看'));
  await waitFor(() => expect(navigation).toContainEqual({ method: 'navigateTo', url: '/pages/scan/index?code=370602B0003' }));
});

it('shows the remembered building and the service entries', () => {
  Taro.setStorageSync(PLACE_KEY, {
    building: { id: 'b-0001', code: '370602B0001', name: '1号楼', address: '' },
    estate: { id: 'e', name: '海岸花园' },
    propertyCompany: null,
    grid: { id: 'g', name: '海岸社区第一网格' },
    community: { id: 'c', name: '海岸社区' },
    street: { id: 's', name: '向阳街道' },
    district: { id: 'd', name: '芝罘区' },
  });
  render(<Home />);
  expect(screen.getByTestId('building-name').textContent).toBe('海岸花园 1号楼');
  fireEvent.click(screen.getByTestId('entry-council'));
  expect(navigation).toContainEqual({ method: 'navigateTo', url: '/packages/council/index' });
});

it('uses the bound household’s building when nothing was scanned, and remembers it for filing', async () => {
  actAs('demo-resident');
  render(<Home />);
  expect(screen.getByTestId('place-loading')).toBeTruthy();
  expect((await screen.findByTestId('building-name', undefined, slow)).textContent).toBe('海岸花园 1号楼');
  expect(screen.queryByTestId('no-place')).toBeNull();
  expect(screen.getByText('海岸社区第一网格（网格员 张丽）')).toBeTruthy();
  // Remembered as the current place: 反映诉求 is located there without a scan.
  await waitFor(() => expect((Taro.getStorageSync(PLACE_KEY) as ResolvedPlace).building.code).toBe(HOUSEHOLD_CODE));
});

it('a scanned building wins over the household’s', async () => {
  actAs('demo-resident');
  Taro.setStorageSync(PLACE_KEY, {
    building: { id: 'b-0003', code: '370602B0003', name: '3号楼', address: '' },
    estate: { id: 'e', name: '海岸花园' },
    propertyCompany: null,
    grid: { id: 'g', name: '海岸社区第一网格' },
    community: { id: 'c', name: '海岸社区' },
    street: { id: 's', name: '向阳街道' },
    district: { id: 'd', name: '芝罘区' },
  });
  render(<Home />);
  expect(screen.getByTestId('building-name').textContent).toBe('海岸花园 3号楼');
});
