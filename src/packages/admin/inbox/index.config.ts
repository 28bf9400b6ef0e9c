export default definePageConfig({ navigationBarTitleText: '诉求工单', onReachBottomDistance: 80 });
