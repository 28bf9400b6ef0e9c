export default definePageConfig({ navigationBarTitleText: '预约统计' });
