/** Test layers. `npm test` builds first (see scripts/test.ts), then runs every project. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } }];

const ignore = ['/node_modules/', '/dist/', '/dist-h5/', '/.local-cloud/'];

/** The app's import aliases (config/index.ts, tsconfig.json). */
const aliases = { '^@/(.*)$': '<rootDir>/src/$1', '^@contract/(.*)$': '<rootDir>/types/$1' };

/** A project of TypeScript tests; `extra` overrides or adds settings. */
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  testMatch,
  testPathIgnorePatterns: ignore,
  transform: { '^.+\\.(t|j)sx?$': swc },
  ...extra,
});

module.exports = {
  projects: [
    // Pure code beside its test, the app's (src/) included.
    project('unit', ['<rootDir>/{src,types,cloudfunctions,emulator,scripts}/**/*.test.ts'], {
      testPathIgnorePatterns: [...ignore, '\\.int\\.test\\.ts$'],
      moduleNameMapper: aliases,
    }),
    project('integration', ['<rootDir>/{cloudfunctions,tests/integration}/**/*.int.test.ts']),
    project('e2e', ['<rootDir>/tests/e2e/**/*.e2e.test.ts']),
    project('quality', ['<rootDir>/tests/quality/**/*.test.ts']),
    // The compiled weapp build (dist/) in miniprogram-simulate against the real local cloud:
    // node's environment plus a jsdom DOM (see the file for why not jest-environment-jsdom).
    project('miniprogram', ['<rootDir>/tests/miniprogram/**/*.mp.test.ts'], {
      moduleNameMapper: aliases,
      testEnvironment: '<rootDir>/tests/miniprogram/environment.js',
      transformIgnorePatterns: ['/node_modules/', '/dist/'],
    }),
    project('components', ['<rootDir>/src/**/*.test.tsx', '<rootDir>/tests/components/**/*.test.tsx'], {
      testEnvironment: 'jsdom',
      transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
      transformIgnorePatterns: [],
      moduleNameMapper: {
        '\\.(css|scss|less)$': '<rootDir>/tests/support/styleStub.js',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
        '^(lottie-web|lottie-react)$': '<rootDir>/tests/support/lottieStub.js',
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react/index.js',
        '^@nutui/nutui-react-taro$': '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
        ...aliases,
      },
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_MUTATION_OBSERVER: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        DEPRECATED_ADAPTER_COMPONENT: false,
        __TARO_FRAMEWORK__: 'react',
      },
      globalSetup: '<rootDir>/tests/support/componentCloud.setup.ts',
      globalTeardown: '<rootDir>/tests/support/componentCloud.teardown.ts',
      setupFiles: ['<rootDir>/tests/support/componentEnv.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/componentTiming.ts'],
    }),
  ],
};
