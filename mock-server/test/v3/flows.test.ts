/** GenAuth v3 end to end over HTTP: token data, RS256, faults, throttling, phone rules, v2 interplay. */
import * as jose from 'jose';

import { createMockServer, type MockServer } from '../../src';

let mock: MockServer;
let url: string;
beforeAll(async () => {
  mock = createMockServer();
  url = await mock.start(0);
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

const apps = () => mock.store.fixtures.genauth.apps;

async function call(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: object,
): Promise<Record<string, unknown> & { data?: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

type App = ReturnType<typeof apps>[number];

/** `signin-by-mobile` of `app` by `connection` over the app's WeChat connection, with `fields`. */
const signInByMobile = (app: App, connection: string, fields: object) =>
  call(
    'POST',
    '/api/v3/signin-by-mobile',
    { 'x-authing-app-id': app.id },
    { connection, extIdpConnidentifier: app.connection!.identifier, ...fields },
  );

/** `signin-by-mobile` with a fresh `wx.login` code of the app's WeChat user `openid` (new if absent). */
async function codeLogin(appIndex: number, scope?: string, openid?: string) {
  const app = apps()[appIndex]!;
  const { code } = mock.control.wechat.login({
    appid: app.connection!.appid,
    ...(openid ? { openid } : {}),
  });
  return signInByMobile(app, 'wechat_mini_program_code', {
    wechatMiniProgramCodePayload: { encryptedData: '', iv: '', code },
    ...(scope ? { options: { scope } } : {}),
  });
}

describe('GenAuth v3 flows', () => {
  test('token data: the v3 fields, a refresh token only with offline_access', async () => {
    const a = await codeLogin(0, 'openid profile offline_access');
    expect(a.statusCode).toBe(200);
    expect(a['apiCode']).toBeUndefined();
    expect(Object.keys(a.data!).sort()).toEqual([
      'access_token',
      'expire_in',
      'expires_in',
      'id_token',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(a.data).toMatchObject({ token_type: 'Bearer', expires_in: 15 * 24 * 3600 });
    const b = await codeLogin(0);
    expect(b.data!['refresh_token']).toBeUndefined();
    expect(b.data!['scope']).toBe('openid profile');
  });

  test('wechat_mini_program_code with getUserProfile data sets the WeChat profile', async () => {
    const app = apps()[0]!;
    const { code, openid } = mock.control.wechat.login({ appid: app.connection!.appid });
    const info = mock.control.wechat.userInfo({ appid: app.connection!.appid, openid });
    const res = await signInByMobile(app, 'wechat_mini_program_code', {
      wechatMiniProgramCodePayload: { code, iv: info.iv, encryptedData: info.encryptedData },
    });
    expect(res.statusCode).toBe(200);
    const me = await call('GET', '/api/v3/get-profile', {
      authorization: res.data!['access_token'] as string,
    });
    expect(me.data!['nickname']).toBe(info.userInfo.nickName);
  });

  test('an RS256 app: its id_token and access token verify against the JWKS, audience the app', async () => {
    const app = apps()[1]!;
    expect(app.tokenAlgorithm).toBe('RS256');
    const res = await codeLogin(1);
    const jwks = jose.createRemoteJWKSet(new URL(`${url}/oidc/.well-known/jwks.json`));
    const id = await jose.jwtVerify(res.data!['id_token'] as string, jwks, {
      audience: app.id,
      currentDate: new Date(mock.clock.now()),
    });
    expect(typeof id.payload.sub).toBe('string');
    const access = await jose.jwtVerify(res.data!['access_token'] as string, jwks, {
      currentDate: new Date(mock.clock.now()),
    });
    expect(access.protectedHeader.alg).toBe('RS256');
  });

  test('a v3 access token works on v2 REST, and v3 get-profile answers its user', async () => {
    const res = await codeLogin(0);
    const token = res.data!['access_token'] as string;
    const v2 = await call('GET', '/api/v2/users/me/security-level', {
      authorization: `Bearer ${token}`,
    });
    expect(v2['code']).toBe(200);
    const me = await call('GET', '/api/v3/get-profile', { authorization: token });
    expect(me.data).toMatchObject({ userPoolId: apps()[0]!.poolId, loginsCount: 1 });
  });

  test('a GenAuth fault answers in the v3 envelope; a WeChat fault is 602 and leaves the code unspent', async () => {
    const app = apps()[0]!;
    mock.control.faults.add({ route: 'genauth.loginByCode', errcode: 2005 });
    const faulted = await codeLogin(0);
    expect(faulted).toMatchObject({ statusCode: 403, apiCode: 2005 });

    mock.control.faults.add({ route: 'wechat.jscode2session', errcode: -1 });
    const { code, openid } = mock.control.wechat.login({ appid: app.connection!.appid });
    const signIn = () =>
      signInByMobile(app, 'wechat_mini_program_code', { wechatMiniProgramCodePayload: { code } });
    const busy = await signIn();
    expect(busy).toMatchObject({ statusCode: 602, apiCode: 2500, data: { errcode: -1 } });
    const retry = await signIn();
    expect(retry.statusCode).toBe(200);
    const used = await signIn();
    expect(used).toMatchObject({ statusCode: 602, data: { errcode: 40163 } });
    expect(used['message']).toContain('40163');
    expect(openid).toMatch(/^o/);
  });

  test('send-sms: one per target and channel a minute (mock clock), another channel is fine', async () => {
    const h = { 'x-authing-userpool-id': apps()[0]!.poolId };
    const sms = (channel: string) =>
      call('POST', '/api/v3/send-sms', h, { phoneNumber: '13600000001', channel });
    expect(await sms('CHANNEL_LOGIN')).toEqual({ statusCode: 200, message: '发送成功' });
    expect(await sms('CHANNEL_LOGIN')).toMatchObject({ statusCode: 429 });
    expect((await sms('CHANNEL_BIND_PHONE')).statusCode).toBe(200);
    mock.clock.advance(60_000);
    expect((await sms('CHANNEL_LOGIN')).statusCode).toBe(200);
    expect(mock.control.messages.list({ to: '13600000001' })).toHaveLength(3);
  });

  test('code_and_phone: a known user without a phone does not get one another account holds', async () => {
    const app = apps()[0]!;
    const holder = mock.store.fixtures.genauth.accounts[0]!;
    // A WeChat user whose phone is the fixture account's; it first signs in by code alone.
    const openid = mock.control.wechat.upsertUser({
      appid: app.connection!.appid,
      phone: holder.phone!,
    }).user.openid;
    const first = await codeLogin(0, undefined, openid);
    const token = first.data!['access_token'] as string;
    const { code } = mock.control.wechat.login({ appid: app.connection!.appid, openid });
    const phoneCode = mock.control.wechat.phoneNumber({
      appid: app.connection!.appid,
      openid,
    }).code;
    const res = await signInByMobile(app, 'wechat_mini_program_code_and_phone', {
      wechatMiniProgramCodeAndPhonePayload: {
        wxLoginInfo: { code },
        wxPhoneInfo: { code: phoneCode },
      },
    });
    expect(res.statusCode).toBe(200);
    const me = await call('GET', '/api/v3/get-profile', { authorization: token });
    const again = await call('GET', '/api/v3/get-profile', {
      authorization: res.data!['access_token'] as string,
    });
    expect(again.data!['userId']).toBe(me.data!['userId']);
    expect(again.data!['userId']).not.toBe(holder.id);
    expect(again.data!['phone']).toBeNull();
  });

  /** `code_and_phone` of the first app's WeChat user `openid`; resolves to its v3 profile. */
  async function codeAndPhoneProfile(openid: string) {
    const app = apps()[0]!;
    const user = { appid: app.connection!.appid, openid };
    const res = await signInByMobile(app, 'wechat_mini_program_code_and_phone', {
      wechatMiniProgramCodeAndPhonePayload: {
        wxLoginInfo: { code: mock.control.wechat.login(user).code },
        wxPhoneInfo: { code: mock.control.wechat.phoneNumber(user).code },
      },
    });
    expect(res.statusCode).toBe(200);
    const token = res.data!['access_token'] as string;
    return (await call('GET', '/api/v3/get-profile', { authorization: token })).data!;
  }

  test("code_and_phone: a new WeChat user signs in as the phone's account", async () => {
    const holder = mock.store.fixtures.genauth.accounts[0]!;
    const { openid } = mock.control.wechat.upsertUser({
      appid: apps()[0]!.connection!.appid,
      phone: holder.phone!,
    }).user;
    expect(await codeAndPhoneProfile(openid)).toMatchObject({
      userId: holder.id,
      phone: holder.phone,
    });
  });

  test('code_and_phone: a known user without a phone gets a phone nobody holds', async () => {
    const { openid } = mock.control.wechat.upsertUser({
      appid: apps()[0]!.connection!.appid,
      phone: '13600000077',
    }).user;
    const first = await codeLogin(0, undefined, openid);
    const token = first.data!['access_token'] as string;
    const before = (await call('GET', '/api/v3/get-profile', { authorization: token })).data!;
    expect(before['phone']).toBeNull();
    expect(await codeAndPhoneProfile(openid)).toMatchObject({
      userId: before['userId'],
      phone: '13600000077',
      phoneVerified: true,
    });
  });

  test('the connection identifiers are in the demo and the state', async () => {
    const demo = mock.control.demo();
    expect(demo.apps.map((a) => a.extIdpConnidentifier)).toEqual([
      'wechat-miniprogram-demo',
      'wechat-miniprogram-rs256',
    ]);
    const state = (await (await fetch(`${url}/__mock/v1/state`)).json()) as {
      genauth: { pools: { apps: { connection: { identifier: string } | null }[] }[] };
    };
    expect(state.genauth.pools[1]!.apps[0]!.connection!.identifier).toBe(
      'wechat-miniprogram-isolated',
    );
  });
});
