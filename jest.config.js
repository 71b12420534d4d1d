/**
 * One Jest run for every workspace. TypeScript is transpiled by SWC (type checking is `tsc -b`),
 * and workspace packages resolve to their sources so tests never need a build.
 */
const transform = {
  '^.+\\.(t|j)s$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

const moduleNameMapper = {
  '^@genauth-wxapp/fixtures$': '<rootDir>/../fixtures/src/index.ts',
  '^@genauth-wxapp/mock-server$': '<rootDir>/../mock-server/src/index.ts',
  '^@genauth-wxapp/mock-server/client$': '<rootDir>/../mock-server/src/client.ts',
  '^@genauth-wxapp/sdk$': '<rootDir>/../sdk/src/index.ts',
};

const project = (name, extra = {}) => ({
  displayName: name,
  rootDir: `${__dirname}/${name}`,
  testEnvironment: 'node',
  transform,
  // The successor SDK ships an ESM bundle: SWC turns it into CommonJS like our sources.
  transformIgnorePatterns: ['/node_modules/(?!@authing/miniapp-taro/)'],
  moduleNameMapper,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  // Most suites wait on loopback HTTP, so one worker per core beats Jest's default (cores - 1).
  maxWorkers: '100%',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  projects: [project('fixtures'), project('mock-server'), project('sdk'), project('conformance')],
};
