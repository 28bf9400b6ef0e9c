export default defineAppConfig({
  pages: ['pages/home/index', 'pages/scan/index', 'pages/appeal-new/index', 'pages/appeals/index', 'pages/appeal/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/booking', pages: ['index'] },
    { root: 'packages/volunteer', pages: ['index'] },
    { root: 'packages/council', pages: ['index'] },
    { root: 'packages/admin', pages: ['index', 'inbox/index', 'appeal/index', 'dashboard/index', 'rules/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '幸福家园',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
});
