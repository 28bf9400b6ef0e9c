export default definePageConfig({ navigationBarTitleText: '有呼必应一码通' });
