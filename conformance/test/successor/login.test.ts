/** The successor SDK's logins against the mock: WeChat code, phone code, password, passcode. */
import { constants, publicEncrypt } from 'node:crypto';

import { lastCode, loadSdk, mockPerFile, sdkFor, tenancy, wechatUserWithPhone } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('./taro').taroModule, { virtual: true });

const { mock, url } = mockPerFile();
/** What `@authing/miniapp-jsencrypt` does: RSA PKCS#1 v1.5 under the system key, base64. */
const encryptPassword = (plain: string, key: string) =>
  publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(plain)).toString(
    'base64',
  );
/** The public methods of `Authing` 5.1.18 (each has a test in this folder). */
const PUBLIC_METHODS = [
  'getLoginState',
  'clearLoginState',
  'saveLoginState',
  'getPublicKey',
  'getLoginCode',
  'loginByCode',
  'loginByPhone',
  'loginByPassword',
  'loginByPassCode',
  'logout',
  'sendSms',
  'sendEmailCode',
  'refreshToken',
  'updatePassword',
  'getUserInfo',
  'updateUserInfo',
  'updateAvatar',
  'bindWxByCode',
  'bindPlatformByCode',
  'bindEmail',
  'updateEmailRequest',
  'updateEmail',
  'bindPhone',
  'updatePhoneRequest',
  'updatePhone',
  'deleteAccountRequest',
  'deleteAccount',
  'getPhone',
  'decryptData',
];
/** Helpers the public methods use. */
const INTERNAL = [
  'login',
  'resetPlatformLoginCode',
  'getCachedPlatformLoginCode',
  'cachePlatformLoginCode',
  'getDefaultLoginByCodeConnection',
  'getDefaultLoginByPhoneCodeConnection',
  'getApiUrlMapping',
];
const STATE_KEY = (appId: string) => `authing:${appId}:login-state`;

describe('@authing/miniapp-taro 5.1.18 logins', () => {
  test('exports Authing and the connection enums; the constructor fetches and caches a wx.login code', async () => {
    const m = loadSdk();
    expect(m.LoginByCodeConnection['wechat_mini_program_code']).toBe('wechat_mini_program_code');
    expect(m.PlatformsMenu['wx']).toBe('wx');
    const t = tenancy(mock);
    const { sdk, bridge } = await sdkFor(url(), t);
    expect(sdk.options).toMatchObject({ appId: t.appId, host: url(), platform: 'wx' });
    expect(bridge.storage.get(`authing:${t.appId}:wx-login-code`)).toMatch(/^[A-Za-z0-9]{32}$/);
    const code = await sdk.getLoginCode();
    expect(code).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(bridge.storage.get(`authing:${t.appId}:wx-login-code`)).toBe(code);
  });

  test('has the 29 public methods this suite covers, plus its internal helpers', () => {
    const proto = loadSdk().Authing.prototype as object;
    expect(Object.getOwnPropertyNames(proto).sort()).toEqual(
      [...PUBLIC_METHODS, ...INTERNAL, 'constructor'].sort(),
    );
  });

  test('getPublicKey: rsa is the system key; the mock has no sm2 key', async () => {
    const { sdk } = await sdkFor(url(), tenancy(mock));
    const [err, rsa] = await sdk.getPublicKey('rsa');
    expect(err).toBeNull();
    expect(rsa).toContain('BEGIN PUBLIC KEY');
    const [sm2] = await sdk.getPublicKey('sm2');
    expect(sm2!.message).toMatch(/^get public key error/);
  });

  test('loginByCode with connection wechat_mini_program_phone decrypts the legacy phone payload', async () => {
    const t = tenancy(mock);
    const openid = wechatUserWithPhone(mock, t, '13912340009');
    const { sdk, bridge } = await sdkFor(url(), t, { openid });
    // The payload must decrypt under the session of the code the SDK fetches: pin the key.
    bridge.client.sessionKey = 'tiihtNczf5v6AKRyjwEUhQ==';
    await sdk.getLoginCode();
    const legacy = (await bridge.phoneNumberDetail('legacy')) as {
      iv: string;
      encryptedData: string;
    };
    const [err] = await sdk.loginByCode({
      extIdpConnidentifier: t.extIdpConnidentifier,
      connection: 'wechat_mini_program_phone',
      wechatMiniProgramCodePayload: { iv: legacy.iv, encryptedData: legacy.encryptedData },
    });
    expect(err).toBeNull();
    const [, me] = await sdk.getUserInfo();
    expect(me.phone).toBe('13912340009');
  });

  test('loginByCode creates the user, stores the token set with expires_at, and short-circuits while valid', async () => {
    const t = tenancy(mock);
    const { sdk, bridge } = await sdkFor(url(), t);
    const [err, state] = await sdk.loginByCode({
      extIdpConnidentifier: t.extIdpConnidentifier,
      options: { scope: 'openid profile offline_access' },
    });
    expect(err).toBeNull();
    expect(state).toMatchObject({
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
      expires_in: 15 * 24 * 3600,
    });
    expect(state.access_token).toMatch(/^ey/);
    expect(state.id_token).toMatch(/^ey/);
    expect(typeof state.refresh_token).toBe('string');
    expect(state.expires_at).toBeGreaterThan(Date.now());
    expect(bridge.storage.get(STATE_KEY(t.appId))).toEqual(state);
    const [, stored] = await sdk.getLoginState();
    expect(stored).toEqual(state);

    const openid = bridge.client.openid!;
    const pool = mock.store.genauth.pools.get(t.userPoolId)!;
    const users = [...pool.users.values()].filter((u) => u.openid === openid);
    expect(users).toHaveLength(1);

    const before = mock.control.journal.list({ path: '/api/v3/signin-by-mobile' }).length;
    const [again, same] = await sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(again).toBeNull();
    expect(same).toEqual(state);
    expect(mock.control.journal.list({ path: '/api/v3/signin-by-mobile' })).toHaveLength(before);
  });

  test('loginByCode without offline_access has no refresh_token; a second SDK login finds the same user', async () => {
    const t = tenancy(mock);
    const first = await sdkFor(url(), t);
    const [, a] = await first.sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(a.refresh_token).toBeUndefined();
    expect(a.scope).toBe('openid profile');
    const [, me] = await first.sdk.getUserInfo();
    const second = await sdkFor(url(), t, { openid: first.bridge.client.openid! });
    const [, b] = await second.sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(b.access_token).not.toBe(a.access_token);
    const [, me2] = await second.sdk.getUserInfo();
    expect(me2.userId).toBe(me.userId);
  });

  test('loginByCode with a wrong extIdpConnidentifier is an error tuple, nothing stored', async () => {
    const t = tenancy(mock);
    const { sdk, bridge } = await sdkFor(url(), t);
    const [err, data] = await sdk.loginByCode({ extIdpConnidentifier: 'nope' });
    expect(data).toBeUndefined();
    expect(err).toMatchObject({ statusCode: 404, apiCode: 2502 });
    expect(typeof err!['requestId']).toBe('string');
    expect(bridge.storage.get(STATE_KEY(t.appId))).toBeUndefined();
  });

  test('loginByCode surfaces a WeChat failure (a blocked user: 40226) with statusCode 602', async () => {
    const t = tenancy(mock);
    const openid = mock.control.wechat.upsertUser({ appid: t.wechatAppid, blocked: true }).user
      .openid;
    const { sdk } = await sdkFor(url(), t, { openid });
    const [err] = await sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(err).toMatchObject({ statusCode: 602, apiCode: 2500 });
    expect(err!.message).toContain('40226');
  });

  test('loginByPhone (wechat_mini_program_code_and_phone) sets the phone of a new user', async () => {
    const t = tenancy(mock);
    const openid = wechatUserWithPhone(mock, t, '13912340001');
    const { sdk, bridge } = await sdkFor(url(), t, { openid });
    const detail = (await bridge.phoneNumberDetail('code')) as { code: string };
    const [err, state] = await sdk.loginByPhone({
      extIdpConnidentifier: t.extIdpConnidentifier,
      wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: detail.code } },
      options: { scope: 'openid profile phone offline_access' },
    });
    expect(err).toBeNull();
    expect(state.access_token).toMatch(/^ey/);
    const [, me] = await sdk.getUserInfo();
    expect(me).toMatchObject({ phone: '13912340001', phoneVerified: true });
  });

  test('loginByPhone via miniProgramCodeAndPhonePayload lands on the account that holds the phone', async () => {
    const t = tenancy(mock);
    const account = mock.store.fixtures.genauth.accounts[0]!;
    const openid = wechatUserWithPhone(mock, t, account.phone!);
    const { sdk, bridge } = await sdkFor(url(), t, { openid });
    const detail = (await bridge.phoneNumberDetail('code')) as { code: string };
    const [err] = await sdk.loginByPhone({
      extIdpConnidentifier: t.extIdpConnidentifier,
      miniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: detail.code } },
    });
    expect(err).toBeNull();
    const [, me] = await sdk.getUserInfo({ withIdentities: true });
    expect(me.userId).toBe(account.id);
    expect(me.identities[0]).toMatchObject({ provider: 'wechat:miniprogram' });
  });

  test('loginByPhone refuses a missing phone code locally and a used one on the server', async () => {
    const t = tenancy(mock);
    const openid = wechatUserWithPhone(mock, t, '13912340002');
    const { sdk, bridge } = await sdkFor(url(), t, { openid });
    const [local] = await sdk.loginByPhone({
      extIdpConnidentifier: t.extIdpConnidentifier,
      wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: {} },
    });
    expect(local).toEqual({ message: 'wxPhoneInfo.code is required' });
    const detail = (await bridge.phoneNumberDetail('code')) as { code: string };
    const [phoneErr, phone] = await sdk.getPhone({
      extIdpConnidentifier: t.extIdpConnidentifier,
      code: detail.code,
    });
    expect(phoneErr).toBeNull();
    expect(phone.purePhoneNumber).toBe('13912340002');
    const [used] = await sdk.loginByPhone({
      extIdpConnidentifier: t.extIdpConnidentifier,
      wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: detail.code } },
    });
    expect(used).toMatchObject({ statusCode: 602, apiCode: 2500 });
    expect(used!.message).toContain('40029');
  });

  test('getPhone answers phone_info with the watermark; a missing code is a local error', async () => {
    const t = tenancy(mock);
    const openid = wechatUserWithPhone(mock, t, '13912340003');
    const { sdk, bridge } = await sdkFor(url(), t, { openid });
    const detail = (await bridge.phoneNumberDetail('code')) as { code: string };
    const [err, info] = await sdk.getPhone({
      extIdpConnidentifier: t.extIdpConnidentifier,
      code: detail.code,
    });
    expect(err).toBeNull();
    expect(info).toMatchObject({
      phoneNumber: '13912340003',
      purePhoneNumber: '13912340003',
      countryCode: '86',
      watermark: { appid: t.wechatAppid },
    });
    const [local] = await sdk.getPhone({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(local).toEqual({ message: 'code or extIdpConnidentifier is required' });
  });

  test('decryptData decrypts getUserProfile data with the session of a fresh code', async () => {
    const t = tenancy(mock);
    const { sdk, bridge } = await sdkFor(url(), t, { openid: undefined });
    // A session key that a later login keeps: the code is minted with the same pinned key.
    bridge.client.sessionKey = 'tiihtNczf5v6AKRyjwEUhQ==';
    const code = await sdk.getLoginCode();
    const profile = await bridge.client.userInfo();
    const [err, data] = await sdk.decryptData({
      extIdpConnidentifier: t.extIdpConnidentifier,
      code,
      iv: profile.iv,
      encryptedData: profile.encryptedData,
    });
    expect(err).toBeNull();
    expect(data).toMatchObject({
      openId: bridge.client.openid,
      watermark: { appid: t.wechatAppid },
    });
  });

  test('loginByPassword: plaintext by username, RSA by account through getPublicKey; a wrong password is 2333', async () => {
    const t = tenancy(mock);
    const account = mock.store.fixtures.genauth.accounts[0]!;
    const { sdk } = await sdkFor(url(), t);
    const [err, state] = await sdk.loginByPassword({
      passwordPayload: { username: account.username, password: account.password },
      options: { scope: 'openid profile email' },
    });
    expect(err).toBeNull();
    expect(state.scope).toBe('openid profile email');

    const [, key] = await sdk.getPublicKey('rsa');
    expect(key).toContain('BEGIN PUBLIC KEY');
    const rsaSdk = await sdkFor(url(), t, { encryptFunction: encryptPassword });
    const [rsaErr, rsaState] = await rsaSdk.sdk.loginByPassword({
      passwordPayload: { account: account.email, password: account.password },
      options: { passwordEncryptType: 'rsa' },
    });
    expect(rsaErr).toBeNull();
    expect(rsaState.access_token).toMatch(/^ey/);

    const [wrong] = await sdk.loginByPassword({
      passwordPayload: { phone: account.phone, password: 'not-it' },
    });
    expect(wrong).toMatchObject({ statusCode: 403, apiCode: 2333 });
    const [noFn] = await sdk.loginByPassword({
      passwordPayload: { phone: account.phone, password: 'x' },
      options: { passwordEncryptType: 'rsa' },
    });
    expect(noFn).toEqual({
      message: 'encryptFunction is required, if passwordEncryptType is not "none"',
    });
  });

  test('loginByPassCode by phone (fixed fixture code) and by e-mail (sent with sendEmailCode)', async () => {
    const t = tenancy(mock);
    const account = mock.store.fixtures.genauth.accounts[0]!;
    const fixed = mock.store.fixtures.genauth.fixedCodes.find((c) => c.to === account.phone)!;
    const { sdk } = await sdkFor(url(), t);
    const [sent, env] = await sdk.sendSms({ phoneNumber: account.phone, channel: 'CHANNEL_LOGIN' });
    expect(sent).toBeNull();
    expect(env).toEqual({ statusCode: 200, message: '发送成功' });
    const [err, state] = await sdk.loginByPassCode({
      passCodePayload: { phone: account.phone, passCode: fixed.code },
    });
    expect(err).toBeNull();
    expect(state.access_token).toMatch(/^ey/);
    const [reuse] = await sdk.loginByPassCode({
      passCodePayload: { phone: account.phone, passCode: fixed.code },
    });
    expect(reuse).toMatchObject({ statusCode: 400, apiCode: 2001 });

    const byEmail = await sdkFor(url(), t);
    mock.clock.advance(61_000);
    const [mailErr] = await byEmail.sdk.sendEmailCode({
      email: account.email,
      channel: 'CHANNEL_LOGIN',
    });
    expect(mailErr).toBeNull();
    const code = lastCode(mock, account.email!);
    const [e2, s2] = await byEmail.sdk.loginByPassCode({
      passCodePayload: { email: account.email, passCode: code },
    });
    expect(e2).toBeNull();
    expect(s2.token_type).toBe('Bearer');
  });

  test('saveLoginState / getLoginState / clearLoginState keep the state in wx storage', async () => {
    const t = tenancy(mock);
    const { sdk, bridge } = await sdkFor(url(), t);
    const [missing] = await sdk.getLoginState();
    expect(missing!.message).toContain('getStorage:fail');
    const saved = await sdk.saveLoginState({ access_token: 'x', expires_in: 60 });
    expect(saved.expires_at).toBeGreaterThan(Date.now());
    expect(bridge.storage.get(STATE_KEY(t.appId))).toEqual(saved);
    const [, got] = await sdk.getLoginState();
    expect(got).toEqual(saved);
    const [, cleared] = await sdk.clearLoginState();
    expect(cleared).toBe(true);
    expect(bridge.storage.get(STATE_KEY(t.appId))).toBeUndefined();
    await sdk.saveLoginState({ access_token: 'x', expires_in: 0 });
    const [expired] = await sdk.getLoginState();
    expect(expired).toEqual({ message: 'login state has expired, please login again' });
  });
});
