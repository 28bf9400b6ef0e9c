import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { navigation } from '../../../tests/support/taro';
import Home from './index';

beforeEach(() => {
  navigation.length = 0;
  window.localStorage.clear();
});

it('asks a new resident to scan, and opens the landing page for a typed code', async () => {
  const { container } = render(<Home />);
  expect(screen.getByTestId('no-place')).toBeTruthy();
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
  Taro.setStorageSync('jy.currentPlace', {
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
