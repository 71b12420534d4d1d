import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ControlError, createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import type { NetworkTimeouts } from '../bridge';
import { TestEnv } from './env';
import { DEMO_MINIPROGRAM, type AppConfig, type DemoSection, type TestEnvOptions } from './options';
import { preflight } from './preflight';

function readAppJson(root: string): {
  pages?: string[];
  networkTimeout?: Partial<NetworkTimeouts>;
} {
  const path = join(root, 'app.json');
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as ReturnType<typeof readAppJson>)
    : {};
}

/** What a mock without a demo pool (custom fixtures) lends the env: nothing. */
const NO_DEMO: DemoSection = Object.freeze({
  userPoolId: '',
  userPoolName: '',
  apps: [],
  accounts: [],
  directory: [],
  fixedCodes: [],
  otherUserPoolId: null,
  wechat: null,
});

/** The mock's demo tenancy, or {@link NO_DEMO} when its fixtures have no user pool. */
function demoOf(mock: MockServer): DemoSection {
  try {
    return mock.control.demo();
  } catch (e) {
    if (e instanceof ControlError && e.error === 'no_demo') return NO_DEMO;
    throw e;
  }
}

/**
 * Starts a test environment: a mock on a free port (or `options.mock`), a simulated phone whose
 * `wx` is backed by it, and the mini-program at `options.root` (the demo by default) configured
 * for the mock's demo pool and app. Call `stop()` when done.
 *
 * @example
 * const env = await createTestEnv();
 * const page = await env.renderPage('pages/login/index');
 * await page.tap('#silent');
 * expect(page.data.loggedIn).toBe(true);
 * await env.stop();
 */
export async function createTestEnv(options: TestEnvOptions = {}): Promise<TestEnv> {
  preflight(options.root ?? DEMO_MINIPROGRAM);
  const mock =
    options.mock ??
    createMockServer({
      ...(options.timers ? { timers: options.timers } : {}),
      ...options.mockOptions,
      ...(options.seed ? { seed: options.seed } : {}),
    });
  const ownsMock = options.mock === undefined;
  if (!mock.url) await mock.start(0);
  const root = options.root ?? DEMO_MINIPROGRAM;
  const demo = demoOf(mock);
  const appId = options.config?.appId ?? demo.apps[0]?.appId ?? '';
  const wechatAppid =
    options.wechatAppid ?? demo.apps.find((a) => a.appId === appId)?.wechatAppid ?? '';
  if (!appId || !wechatAppid) {
    if (ownsMock) await mock.stop();
    throw new Error(
      'the mock has no demo app with a WeChat connection: pass config.appId and wechatAppid',
    );
  }
  const config: AppConfig = {
    userPoolId: demo.userPoolId,
    // The bridge is the WeChat client here; the demo's devtools-only shim stays off by default.
    mockWechat: false,
    ...options.config,
    appId,
    wechatAppid,
    host: mock.url,
  };

  return new TestEnv(mock, ownsMock, options, root, wechatAppid, config, demo, readAppJson(root));
}
