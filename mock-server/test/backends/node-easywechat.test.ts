/**
 * A real Node backend SDK, node-easywechat's MiniApp, pointed at the mock with nothing but its
 * `http.baseURL` option: jscode2session, the access token, getuserphonenumber and a fault come
 * through it as the mock minted them.
 *
 * The MiniApp module is loaded by its own path: `require('node-easywechat')` (3.6.2) fails with
 * the node-socialite its `^1.4.1` range resolves to today (1.5.x no longer ships
 * `dist/Core/ProviderInterface`, which the official-account module requires); the mini-program
 * module does not need it.
 */
import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';
import type CacheInterface from 'node-easywechat/dist/Core/Contracts/CacheInterface';
import MiniApp from 'node-easywechat/dist/MiniApp/Application';

import { createMockServer, fixedClock, type MockServer } from '../../src';

/** An in-memory token cache (node-easywechat caches in files by default). */
class MemoryCache implements CacheInterface {
  readonly #values = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return this.#values.get(key);
  }
  async has(key: string): Promise<boolean> {
    return this.#values.has(key);
  }
  async set(key: string, data?: unknown): Promise<boolean> {
    this.#values.set(key, data);
    return true;
  }
  async delete(key: string): Promise<boolean> {
    return this.#values.delete(key);
  }
}

describe('node-easywechat MiniApp against the mock', () => {
  const mock: MockServer = createMockServer({ clock: fixedClock(Date.UTC(2024, 0, 1)) });
  let url = '';
  beforeAll(async () => {
    url = await mock.start(0);
  });
  afterAll(() => mock.stop());
  afterEach(() => mock.reset());

  function miniApp(options: { stable?: boolean } = {}): MiniApp {
    const app = new MiniApp({
      app_id: DEMO_APPID,
      secret: mock.store.wechat.apps.get(DEMO_APPID)!.secret,
      token: '',
      aes_key: '',
      use_stable_access_token: options.stable ?? false,
      http: { baseURL: `${url}/` },
    });
    app.setCache(new MemoryCache());
    return app;
  }

  it('exchanges a wx.login code with Utils.codeToSession', async () => {
    const { code } = mock.control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID });
    const session = await miniApp().getUtils().codeToSession(code);
    const live = mock.control.wechat.session({ appid: DEMO_APPID, openid: DEMO_OPENID })!;
    expect(session).toMatchObject({ openid: DEMO_OPENID, session_key: live.sessionKey });
    const [sent] = mock.control.journal.list({ path: '/sns/jscode2session' });
    expect(sent?.query).toMatchObject({ appid: DEMO_APPID, js_code: code });
  });

  it.each([false, true])('fetches an access token the mock issued (stable: %s)', async (stable) => {
    const token = await miniApp({ stable }).getAccessToken().getToken();
    const issued = mock.control.state().wechat.accessTokens;
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({
      token,
      appid: DEMO_APPID,
      family: stable ? 'stable' : 'token',
    });
  });

  it('exchanges a phone code at getuserphonenumber through its token-aware client', async () => {
    const button = mock.control.wechat.phoneNumber({ appid: DEMO_APPID, openid: DEMO_OPENID });
    const res = await miniApp()
      .getClient()
      .postJson('/wxa/business/getuserphonenumber', { code: button.code });
    expect(res.toObject()).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13580006666',
        purePhoneNumber: '13580006666',
        countryCode: '86',
        watermark: { timestamp: mock.clock.nowSeconds(), appid: DEMO_APPID },
      },
    });
    const [sent] = mock.control.journal.list({ path: '/wxa/business/getuserphonenumber' });
    const [token] = mock.control.state().wechat.accessTokens;
    expect(sent?.query).toEqual({ access_token: token?.token });
  });

  it('surfaces an injected 40029 as the error WeChat would cause', async () => {
    mock.control.faults.add({ route: 'wechat.jscode2session', errcode: 40029 });
    const { code } = mock.control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID });
    const app = miniApp();
    await expect(app.getUtils().codeToSession(code)).rejects.toThrow(
      /"errcode":40029.*invalid code, rid: /,
    );
    // The fault spent, the same code still works (a faulted call changes nothing).
    await expect(app.getUtils().codeToSession(code)).resolves.toMatchObject({
      openid: DEMO_OPENID,
    });
  });
});
