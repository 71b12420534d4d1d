import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createWxBridge, type WxBridge } from '../../src/bridge';

type Api = Record<string, (...args: unknown[]) => unknown>;

let mock: MockServer;
let url: string;
let appid: string;
let bridge: WxBridge;
let api: Api;

/** Exchanges a code at the mock's jscode2session, as a backend would. */
async function exchange(code: string): Promise<Record<string, unknown>> {
  const app = mock.store.wechat.apps.get(appid)!;
  const res = await fetch(
    `${url}/sns/jscode2session?appid=${appid}&secret=${app.secret}&js_code=${code}&grant_type=authorization_code`,
  );
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  mock = createMockServer();
  url = await mock.start(0);
});
afterAll(() => mock.stop());
beforeEach(() => {
  appid = [...mock.store.wechat.apps.keys()][0]!;
  bridge = createWxBridge({ baseUrl: url, appid });
  api = bridge.api as Api;
});

describe('wx login APIs backed by the mock', () => {
  test('wx.login mints a code the mock exchanges once; the first login creates a new user', async () => {
    const res = await new Promise<{ errMsg: string; code: string }>((resolve) =>
      api.login!({ success: resolve }),
    );
    expect(res.errMsg).toBe('login:ok');
    expect(res.code).toMatch(/^[A-Za-z0-9]{32}$/);
    const openid = bridge.client.openid;
    expect(openid).toBeDefined();
    expect(await exchange(res.code)).toMatchObject({ openid, session_key: expect.any(String) });
    expect(await exchange(res.code)).toMatchObject({ errcode: 40163 });
    const again = (await api.login!({})) as { code: string };
    expect(again.code).not.toBe(res.code);
    expect(await exchange(again.code)).toMatchObject({ openid });
  });

  test('wx.checkSession succeeds with a live session and fails once WeChat ends it', async () => {
    await expect(api.checkSession!({})).rejects.toMatchObject({
      errMsg: expect.stringMatching(/^checkSession:fail/),
    });
    await api.login!({});
    await expect(api.checkSession!({})).resolves.toEqual({ errMsg: 'checkSession:ok' });
    await bridge.client.expireSession();
    const failed = await new Promise<{ errMsg: string }>((resolve) =>
      api.checkSession!({ fail: resolve }),
    );
    expect(failed.errMsg).toMatch(/^checkSession:fail /);
  });

  test('getUserProfile needs desc, answers the mock-signed payload, and can be refused', async () => {
    await api.login!({});
    await expect(api.getUserProfile!({})).rejects.toMatchObject({
      errMsg: expect.stringMatching(/^getUserProfile:fail parameter error/),
    });
    const res = (await api.getUserProfile!({ desc: '完善资料' })) as Record<string, unknown>;
    expect(res['errMsg']).toBe('getUserProfile:ok');
    expect(JSON.parse(res['rawData'] as string)).toEqual(res['userInfo']);
    expect(res['signature']).toMatch(/^[0-9a-f]{40}$/);
    expect(typeof res['encryptedData']).toBe('string');
    bridge.refusals.userProfile = true;
    await expect(api.getUserProfile!({ desc: 'x' })).rejects.toEqual({
      errMsg: 'getUserProfile:fail auth deny',
      errno: 103,
    });
  });

  test('getUserInfo is callback-only; withCredentials:false omits the encrypted fields', async () => {
    expect(api.getUserInfo!({ withCredentials: false })).toBeUndefined();
    const res = await new Promise<Record<string, unknown>>((resolve) =>
      api.getUserInfo!({ withCredentials: false, success: resolve }),
    );
    expect(Object.keys(res).sort()).toEqual(['errMsg', 'rawData', 'userInfo']);
  });

  test('phone button detail: a phone code the mock exchanges, plus legacy encryptedData', async () => {
    await bridge.client.upsertUser({ phone: '13800138000' });
    const detail = await bridge.phoneNumberDetail('code');
    expect(detail).toMatchObject({
      errMsg: 'getPhoneNumber:ok',
      code: expect.stringMatching(/^[0-9a-f]{64}$/),
      iv: expect.any(String),
    });
    const legacy = await bridge.phoneNumberDetail('legacy');
    expect(legacy['code']).toBeUndefined();
    expect(typeof legacy['encryptedData']).toBe('string');
  });

  test('a mock that is down makes wx.login fail with login:fail and an errno', async () => {
    const down = createWxBridge({ baseUrl: 'http://127.0.0.1:9', appid });
    const res = await new Promise<{ errMsg: string; errno: number }>((resolve) =>
      down.api.login!({ fail: resolve } as never),
    );
    expect(res.errMsg).toMatch(/^login:fail /);
    expect(res.errno).toBe(600000);
  });
});
