/**
 * Mini-program conformance kit: a `wx` that behaves like WeChat's, backed by the GenAuth + WeChat
 * mock, and a test environment that runs real mini-program pages under miniprogram-simulate.
 * @packageDocumentation
 */
export * from './bridge';
export { createTestEnv } from './kit/create';
export { TestEnv } from './kit/env';
export {
  DEMO_MINIPROGRAM,
  type AppConfig,
  type DemoSection,
  type TestEnvOptions,
} from './kit/options';
export { PageHandle } from './kit/page';
export { installMiniprogramGlobals, pageShim, type AppInstance } from './kit/globals';
export type { SdkChoice, ClientConstructor } from './kit/sdk-choice';
