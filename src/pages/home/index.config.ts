export default definePageConfig({ navigationBarTitleText: '幸福家园' });
