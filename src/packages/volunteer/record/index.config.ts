export default definePageConfig({ navigationBarTitleText: '我的服务记录' });
