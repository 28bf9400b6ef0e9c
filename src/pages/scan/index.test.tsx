import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { navigation, setRouterParams } from '../../../tests/support/taro';
import { actAs } from '../../../tests/support/componentEnv';
import Scan from './index';

beforeEach(() => {
  navigation.length = 0;
  window.localStorage.clear();
  actAs('demo-resident');
});

it('resolves the scanned code, shows the building and remembers it', async () => {
  setRouterParams({ scene: encodeURIComponent('c=370602B0001') });
  render(<Scan />);
  expect(screen.getByTestId('loading')).toBeTruthy();
  expect((await screen.findByTestId('scan-building')).textContent).toBe('海岸花园 1号楼');
  expect(screen.getByText('海岸社区第一网格（网格员 张丽）')).toBeTruthy();
  expect(screen.getByText('安居物业服务有限公司')).toBeTruthy();
  await waitFor(() => expect((Taro.getStorageSync('jy.currentPlace') as { building: { code: string } }).building.code).toBe('370602B0001'));
  fireEvent.click(screen.getByTestId('go-home'));
  expect(navigation).toContainEqual({ method: 'reLaunch', url: '/pages/home/index' });
});

it('explains an unknown code and offers the way back', async () => {
  setRouterParams({ code: '370602B9999' });
  render(<Scan />);
  expect((await screen.findByTestId('error')).textContent).toContain('没有找到这个楼栋码');
  fireEvent.click(screen.getByText('回到首页'));
  expect(navigation).toContainEqual({ method: 'reLaunch', url: '/pages/home/index' });
  expect(Taro.getStorageSync('jy.currentPlace')).toBe('');
});

it('refuses a building code of another city', async () => {
  setRouterParams({ code: '110101B0001' });
  render(<Scan />);
  expect((await screen.findByTestId('error')).textContent).toContain('这不是本市的楼栋码');
});

it('says so when the launch carried no code at all', async () => {
  setRouterParams({});
  render(<Scan />);
  expect((await screen.findByTestId('error')).textContent).toContain('没有识别到楼栋码');
});
