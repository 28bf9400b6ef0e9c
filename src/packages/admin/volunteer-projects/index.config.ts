export default definePageConfig({ navigationBarTitleText: '项目化服务' });
