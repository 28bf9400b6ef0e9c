import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const isH5 = process.env.TARO_ENV === 'h5';
const typesDir = path.resolve(__dirname, '..', 'types');

export default defineConfig<'webpack5'>((merge, { mode }) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'jiayuan',
    date: '2026-11-27',
    // NutUI is drawn at 375; our own styles at 750.
    designWidth: (input?: string | number | { file?: string }) => (typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750),
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // Build-time settings, inlined so neither the mini-program nor the browser needs `process`.
    // Subscribe-message template ids: the functions' own JIAYUAN_TMPL_* variables (types/subscribe.constants.ts).
    defineConstants: {
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      'process.env.TARO_APP_TEMPLATE_IDS': JSON.stringify(
        JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([key, id]) => key.startsWith('JIAYUAN_TMPL_') && id))),
      ),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contract': typesDir,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [typesDir] },
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [typesDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (mode === 'development') {
    return merge({}, base, { mini: {}, h5: {} });
  }
  // Production weapp: Taro minifies JS (terser) and WXSS (csso) in this mode; optimizeMainPackage
  // (above) moves what only subpackages use out of the main package. WXML is left to WeChat's upload
  // (project.config.json minifyWXML): Taro's mini.minifyXML (html-minifier) drops `</input>` from
  // base.wxml, which WeChat's WXML compiler rejects (NervJS/taro#10848). Rules: scripts/quality/weapp.ts.
  return merge({}, base, {});
});
