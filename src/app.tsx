import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true });
    }
  });
  return children;
}

export default App;
