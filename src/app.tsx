import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { configure } from '@nutui/icons-react-taro';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './app.scss';

// NutUI icons render an <i>, which mini-programs have no template for; draw them as views.
if (process.env.TARO_ENV !== 'h5') configure({ tag: 'view' });

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true });
    }
  });
  return children;
}

export default App;
