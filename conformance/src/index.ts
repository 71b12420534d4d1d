/**
 * Mini-program conformance kit: a `wx` that behaves like WeChat's, backed by the GenAuth + WeChat
 * mock, and a test environment that runs real mini-program pages under miniprogram-simulate.
 * @packageDocumentation
 */
export * from './bridge';
export {
  createTestEnv,
  TestEnv,
  DEMO_MINIPROGRAM,
  type TestEnvOptions,
  type AppConfig,
} from './kit/env';
export { PageHandle } from './kit/page';
export { installMiniprogramGlobals, pageShim, type AppInstance } from './kit/globals';
export type { SdkChoice, ClientConstructor } from './kit/sdk-choice';
export { waitFor, sleep } from './kit/wait';
