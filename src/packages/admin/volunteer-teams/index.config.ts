export default definePageConfig({ navigationBarTitleText: '服务队成员' });
