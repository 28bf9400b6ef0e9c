/**
 * The slice of @tarojs/taro the pages use, for component tests in jsdom: storage is jsdom's
 * localStorage, navigation is recorded, the router's params are set by the test.
 */
import { useEffect } from 'react';
import * as h5 from '@tarojs/taro-h5';

export * from '@tarojs/taro-h5';
export const getEnv = () => 'WEB';
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', HARMONY: 'HARMONY' };

export const navigation: Array<{ method: string; url?: string }> = [];
let routerParams: Record<string, string> = {};

export function setRouterParams(params: Record<string, string>) {
  routerParams = params;
}

const navigate = (method: string) => (options: { url?: string } = {}) => {
  navigation.push({ method, url: options.url });
  return Promise.resolve({ errMsg: `${method}:ok` });
};

export const useRouter = () => ({ params: routerParams, path: '' });
export const useDidShow = (fn: () => void) => useEffect(fn, []);
export const useLoad = useDidShow;
export const useLaunch = useDidShow;
export const useDidHide = () => undefined;
export const useReachBottom = () => undefined;
export const usePullDownRefresh = () => undefined;

const base = ((h5 as unknown as { default?: object }).default ?? h5) as Record<string, unknown>;

const Taro = {
  ...base,
  getEnv,
  ENV_TYPE,
  getStorageSync: (key: string): unknown => {
    const raw = window.localStorage.getItem(key);
    return raw === null ? '' : JSON.parse(raw);
  },
  setStorageSync: (key: string, value: unknown) => window.localStorage.setItem(key, JSON.stringify(value)),
  removeStorageSync: (key: string) => window.localStorage.removeItem(key),
  navigateTo: navigate('navigateTo'),
  redirectTo: navigate('redirectTo'),
  reLaunch: navigate('reLaunch'),
  navigateBack: navigate('navigateBack'),
  switchTab: navigate('switchTab'),
  scanCode: () => Promise.reject(new Error('scanCode:fail cancel')),
  showToast: () => Promise.resolve(),
  showModal: () => Promise.resolve({ confirm: true, cancel: false }),
  stopPullDownRefresh: () => undefined,
  requestSubscribeMessage: () => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }),
  useRouter,
  useDidShow,
  useLoad,
  useLaunch,
};

export default Taro;
