export default definePageConfig({ navigationBarTitleText: '双报到未完成' });
