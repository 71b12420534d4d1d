/**
 * A login with a phone-button code checks the phone code before it spends the `wx.login` code:
 * a bad phone code fails the login and leaves the login code usable. Over real HTTP, for REST
 * `auth-by-phone` and `getphone` and v3 `wechat_mini_program_code_and_phone`.
 */
import { DEMO_APPID, DEMO_OPENID, DEMO_PHONE } from '@genauth-wxapp/fixtures';

import { createMockServer, type MockServer } from '../../src';
import { poolHeaders } from './kit';

let mock: MockServer;
let url: string;
beforeAll(async () => {
  mock = createMockServer();
  url = await mock.start(0);
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

const me = { appid: DEMO_APPID, openid: DEMO_OPENID };

async function post(
  path: string,
  headers: Record<string, string>,
  body: object,
): Promise<{
  code?: number;
  statusCode?: number;
  apiCode?: number;
  data?: Record<string, unknown>;
}> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { code?: number; data?: Record<string, unknown> };
}

const AUTH_BY_PHONE = '/connections/social/wechat-miniprogram/auth-by-phone';

describe('a phone-code login checks the phone code first', () => {
  it('REST auth-by-phone: a used phone code fails it and leaves the login code unspent', async () => {
    const h = poolHeaders(mock);
    const { code } = mock.control.wechat.login(me);
    const used = mock.control.wechat.phoneNumber(me).code;
    await post('/connections/social/wechat-miniprogram/getphone', h, { phoneCode: used });

    const bad = await post(AUTH_BY_PHONE, h, { code, phoneCode: used });
    expect(bad).toMatchObject({ code: 2500, data: { errcode: 40029 } });

    const fresh = mock.control.wechat.phoneNumber(me).code;
    const ok = await post(AUTH_BY_PHONE, h, { code, phoneCode: fresh });
    expect(ok).toMatchObject({ code: 200, data: { phone: DEMO_PHONE, openid: DEMO_OPENID } });
  });

  it('REST auth-by-phone: a used login code still spends a good phone code', async () => {
    const h = poolHeaders(mock);
    const { code } = mock.control.wechat.login(me);
    await post('/connections/social/wechat-miniprogram/auth', h, { code });
    const phoneCode = mock.control.wechat.phoneNumber(me).code;

    const bad = await post(AUTH_BY_PHONE, h, { code, phoneCode });
    expect(bad).toMatchObject({ code: 2500, data: { errcode: 40163 } });
    const again = await post(AUTH_BY_PHONE, h, {
      code: mock.control.wechat.login(me).code,
      phoneCode,
    });
    expect(again).toMatchObject({ code: 2500, data: { errcode: 40029 } });
  });

  it('REST getphone {code, phoneCode}: a used phone code fails it and leaves the login code unspent', async () => {
    const h = poolHeaders(mock);
    const { code } = mock.control.wechat.login(me);
    const used = mock.control.wechat.phoneNumber(me).code;
    await post('/connections/social/wechat-miniprogram/getphone', h, { phoneCode: used });

    const bad = await post('/connections/social/wechat-miniprogram/getphone', h, {
      code,
      phoneCode: used,
    });
    expect(bad).toMatchObject({ code: 2500, data: { errcode: 40029 } });

    const fresh = mock.control.wechat.phoneNumber(me).code;
    const ok = await post('/connections/social/wechat-miniprogram/getphone', h, {
      code,
      phoneCode: fresh,
    });
    expect(ok).toMatchObject({
      code: 200,
      data: { purePhoneNumber: DEMO_PHONE, openid: DEMO_OPENID },
    });
  });

  it('v3 code_and_phone: a used phone code fails it and leaves the login code unspent', async () => {
    const app = mock.store.fixtures.genauth.apps[0]!;
    const conn = app.connection!;
    expect(conn.appid).toBe(DEMO_APPID);
    const { code } = mock.control.wechat.login(me);
    const used = mock.control.wechat.phoneNumber(me).code;
    await post(
      '/api/v3/get-wechat-miniprogram-phone',
      { 'x-authing-userpool-id': app.poolId },
      { extIdpConnidentifier: conn.identifier, code: used },
    );
    const signIn = (phoneCode: string) =>
      post(
        '/api/v3/signin-by-mobile',
        { 'x-authing-app-id': app.id },
        {
          connection: 'wechat_mini_program_code_and_phone',
          extIdpConnidentifier: conn.identifier,
          wechatMiniProgramCodeAndPhonePayload: {
            wxLoginInfo: { code },
            wxPhoneInfo: { code: phoneCode },
          },
        },
      );

    const bad = await signIn(used);
    expect(bad).toMatchObject({ statusCode: 602, apiCode: 2500, data: { errcode: 40029 } });
    const ok = await signIn(mock.control.wechat.phoneNumber(me).code);
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ access_token: expect.any(String) });
  });
});
