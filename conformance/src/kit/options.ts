import { resolve, join } from 'node:path';
import { existsSync } from 'node:fs';

import type { MockDemo, MockServer, MockServerOptions } from '@genauth-wxapp/mock-server';

import type { NetworkTimeouts, Timers } from '../bridge';
import type { SdkChoice } from './sdk-choice';

/** The demo mini-program shipped with this package (found from `src/kit` and `dist/src/kit`). */
export const DEMO_MINIPROGRAM =
  ['../../miniprogram', '../../../miniprogram']
    .map((p) => resolve(__dirname, p))
    .find((p) => existsSync(join(p, 'app.json'))) ?? resolve(__dirname, '../../miniprogram');

/** What the mini-program's `config.js` holds; the kit points it at the test's mock. */
export interface AppConfig {
  host: string;
  appId: string;
  userPoolId: string;
  timeout?: number;
  [key: string]: unknown;
}

/** Options of {@link createTestEnv}. Everything is optional. */
export interface TestEnvOptions {
  /** Fixture seed of the mock the env starts. */
  seed?: string;
  /** Use this mock instead of starting one (started if it is not; never stopped by the env). */
  mock?: MockServer;
  /** Options for the mock the env starts. */
  mockOptions?: MockServerOptions;
  /** The SDK the pages get. @default 'genauth' */
  sdk?: SdkChoice;
  /** Mini-program root (holds app.json, app.js, config.js, sdk.js). @default the demo */
  root?: string;
  /** Overrides of `config.js`; `host` is always the mock. Defaults: the mock's demo pool and app. */
  config?: Partial<AppConfig>;
  /** WeChat appid of the running app. @default the GenAuth app's WeChat connection */
  wechatAppid?: string;
  /** The WeChat user holding the phone. @default a new user, created at the first `wx.login` */
  openid?: string;
  /** Overrides of app.json `networkTimeout`. */
  networkTimeout?: Partial<NetworkTimeouts>;
  /**
   * What the bridge's `wx.request` / `wx.uploadFile` timeouts wait on, for every bridge the env
   * builds, and (unless `mockOptions.timers` says otherwise) the fault delays of the mock the env
   * starts: a `ManualTimers` times stalled calls out when the test `advance()`s it. One test can
   * set `env.bridge.network.timers` instead. @default the global timers
   */
  timers?: Timers;
  /** WXML compiler. @default 'official' (handles templates and imports) */
  compiler?: 'official' | 'simulate';
}

/**
 * The mock's demo tenancy (`mock.control.demo()`, `GET /__mock/v1/demo`): the seeded pool, its
 * apps and accounts with their demo passwords. The mock's {@link MockDemo}.
 */
export type DemoSection = MockDemo;
