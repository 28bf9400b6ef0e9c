export default definePageConfig({ navigationBarTitleText: '流转规则' });
