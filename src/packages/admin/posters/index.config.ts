export default definePageConfig({ navigationBarTitleText: '一码通海报' });
