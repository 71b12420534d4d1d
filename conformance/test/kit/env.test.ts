/** @jest-environment @genauth-wxapp/conformance/environment */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createTestEnv, createWxBridge, DEMO_MINIPROGRAM, type TestEnv } from '../../src';
import { resetBeforeSimulate } from '../../src/kit/registry';

const PAGE_APP = join(__dirname, '../fixtures/page-app');
type Wx = Record<string, unknown>;
const globalWx = () => (globalThis as unknown as { wx: Wx }).wx;
const COUNTER = 'pages/counter/index';

// Vitest takes its timeouts from vitest.config; this file runs under both runners.
if (typeof jest !== 'undefined') jest.setTimeout(20_000);

let mock: MockServer;
let env: TestEnv;

beforeAll(async () => {
  mock = createMockServer();
  await mock.start(0);
  env = await createTestEnv({ mock, root: PAGE_APP });
});
afterAll(async () => {
  await env.stop();
  await mock.stop();
});
beforeEach(() => env.reset());

describe('createTestEnv', () => {
  test('Page() pages run through the shim: onLoad(query), onShow, taps, getCurrentPages', async () => {
    const page = await env.renderPage(COUNTER, { id: '42' });
    expect(page.data).toMatchObject({ query: '42', shows: 1, count: 0, launches: 1 });
    expect(page.instance['label']).toBe('counter');
    await page.tap('#inc');
    await page.tap('#inc');
    expect(page.text('#count')).toBe('2');
    await page.show();
    expect(page.data['shows']).toBe(2);
    const pages = (globalThis as unknown as { getCurrentPages(): unknown[] }).getCurrentPages();
    expect(pages).toEqual([page.instance]);
    expect(() => page.$('#missing')).toThrow('pages/counter/index: no element matches "#missing"');
  });

  test('restart keeps the storage and reloads the code; reset gives a new, empty phone', async () => {
    const page = await env.renderPage(COUNTER);
    await page.tap('#inc');
    await page.tap('#save');
    await env.restart();
    const reopened = await env.renderPage(COUNTER);
    expect(reopened.data).toMatchObject({ saved: 'counter:1', count: 0, launches: 1 });
    await env.reset();
    const fresh = await env.renderPage(COUNTER);
    expect(fresh.data['saved']).toBe('');
  });

  test('the same page renders twice in one launch (one load per registry)', async () => {
    const a = await env.renderPage(COUNTER);
    const b = await env.renderPage(COUNTER);
    await a.tap('#inc');
    expect([a.data['count'], b.data['count']]).toEqual([1, 0]);
  });

  test('settle() waits for chained wx calls (a real wx.login, then storage)', async () => {
    const page = await env.renderPage(COUNTER);
    await page.tap('#save');
    await page.tap('#chain');
    expect(page.data['chained']).toBe('getStorage:ok');
  });

  test('an exception in a page callback reaches App.onError, which shows a modal', async () => {
    const page = await env.renderPage(COUNTER);
    await page.tap('#boom');
    expect(env.bridge.callbackErrors).toHaveLength(1);
    expect(env.bridge.ui.of('showModal')).toEqual([
      { title: 'app error', content: 'Error: page bug', showCancel: false },
    ]);
  });
});

describe('the test environment', () => {
  test('jsdom for simulate, plus the Node globals the in-process mock needs', () => {
    expect(document.createElement('div').tagName).toBe('DIV');
    expect(typeof setImmediate).toBe('function');
    expect(typeof fetch).toBe('function');
    expect(new TextEncoder().encode('a')).toBeInstanceOf(Uint8Array);
    expect(Buffer.from('a')).toBeInstanceOf(Uint8Array);
  });

  test('the sdk option needs the mini-program to have an sdk.js', async () => {
    const other = await createTestEnv({ mock, root: PAGE_APP, sdk: 'official' });
    await expect(other.launch()).rejects.toThrow(/the "sdk" option needs .*sdk\.js/);
    await other.stop();
  });
});

describe('createTestEnv with the demo', () => {
  test('config.js is pointed at the mock and the demo pool and app', async () => {
    const demo = await createTestEnv({ mock });
    try {
      expect(demo.root).toBe(DEMO_MINIPROGRAM);
      expect(demo.config.host).toBe(mock.url);
      expect(demo.wechatAppid).toMatch(/^wx[0-9a-f]{16}$/);
      await demo.launch();
      const config = (
        globalThis as unknown as { getApp(): { globalData: { auth: { options?: unknown } } } }
      ).getApp();
      expect(config.globalData.auth).toBeTruthy();
    } finally {
      await demo.stop();
    }
  });
});

describe('the demo in devtools mode', () => {
  // What `npm run demo` does for devtools: the shim mints codes with the vendored control client.
  beforeAll(() => {
    execFileSync(process.execPath, [join(__dirname, '../../scripts/vendor.js'), '--client']);
  });

  test('config.mockWechat routes wx.login and getUserProfile to the mock, as in devtools', async () => {
    const demo = await createTestEnv({ mock, config: { mockWechat: true } });
    try {
      const page = await demo.renderPage('pages/login/index');
      expect(globalWx()['login']).not.toBe(demo.bridge.api['login']);
      await page.tap('#profile-raw');
      expect(page.data).toMatchObject({ status: 'done', loggedIn: true });
      const viaShim = demo.bridge.network.log.filter((r) =>
        r.url.endsWith('/__mock/v1/wechat/login'),
      );
      expect(viaShim.length).toBeGreaterThan(0);
      const viaProfile = demo.bridge.network.log.filter((r) =>
        r.url.endsWith('/__mock/v1/wechat/user-info'),
      );
      expect(viaProfile.length).toBe(1);
      expect(demo.storage.get('__mock_openid')).toMatch(/^[\w-]{6,}$/);
    } finally {
      await demo.stop();
    }
  });
});

describe('two mini-programs in one test file', () => {
  test('switching back to the first project recompiles its templates', async () => {
    const page = await env.renderPage(COUNTER, { id: '7' });
    await page.tap('#inc');
    expect([page.text('#query'), page.text('#count')]).toEqual(['7', '1']);
  });
});

describe('the wx bridge over simulate', () => {
  test('install() replaces simulate’s stubs and survives simulate being loaded again', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    const stubLogin = globalWx()['login'];
    expect(typeof stubLogin).toBe('function');

    const bridge = createWxBridge({ baseUrl: 'http://127.0.0.1:9', appid: 'wx0' });
    const wx = bridge.install();
    expect(wx).toBe(globalWx());
    expect(wx['login']).toBe(bridge.api['login']);
    expect(wx['login']).not.toBe(stubLogin);
    expect(typeof wx['createSelectorQuery']).toBe('function'); // the stubs we do not model stay

    // A fresh module registry re-runs simulate, which merges with Object.assign(api, global.wx):
    // what is already on global.wx wins, so the bridge stays installed.
    if (typeof jest !== 'undefined') jest.resetModules();
    else resetBeforeSimulate();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    expect(globalWx()['request']).toBe(bridge.api['request']);
    (globalWx()['setStorageSync'] as (k: string, v: unknown) => void)('k', 'v');
    expect((globalWx()['getStorageSync'] as (k: string) => unknown)('k')).toBe('v');
  });
});
