/** Test layers. `npm test` builds first (see scripts/test.ts), then runs every project. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } }];

const ignore = ['/node_modules/', '/dist/', '/dist-h5/', '/.local-cloud/'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{types,cloudfunctions,emulator,scripts}/**/*.test.ts'],
      testPathIgnorePatterns: [...ignore, '\\.int\\.test\\.ts$'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{cloudfunctions,tests/integration}/**/*.int.test.ts'],
      testPathIgnorePatterns: ignore,
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
  ],
};
