export default definePageConfig({ navigationBarTitleText: '报到单位与服务队' });
