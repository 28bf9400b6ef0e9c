import { appPages } from './modules';

// Pages and subpackages come from the modules' own declarations (src/modules.ts).
export default defineAppConfig({
  ...appPages(),
  // 组件按需注入: each page injects only the components it uses (WeChat code-quality rule).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '幸福家园',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
});
