/** Bad input on every GenAuth v3 route: the v3 envelope with HTTP 200, never a 5xx, no state change. */
import request from 'supertest';

import { createMockServer } from '../../src';
import { stateOf } from '../genauth/kit';

const mock = createMockServer({ bodyLimit: 2048 });
const app = () => request(mock.app);
const fixtures = mock.store.fixtures.genauth;
const demoApp = fixtures.apps[0]!;
const CONN = demoApp.connection!.identifier;
const account = fixtures.accounts[0]!;

type H = Record<string, string>;
/** Headers of the demo app and pool, plus the raw token of a signed-in account. */
let h: H;
beforeAll(async () => {
  const res = await app()
    .post('/api/v3/signin')
    .set('x-authing-app-id', demoApp.id)
    .send({
      connection: 'PASSWORD',
      passwordPayload: { email: account.email, password: account.password },
    });
  h = {
    'x-authing-app-id': demoApp.id,
    'x-authing-userpool-id': demoApp.poolId,
    authorization: (res.body as { data: { access_token: string } }).data.access_token,
  };
});
beforeEach(() => mock.reset());

const post = (path: string, headers: H, body: unknown) =>
  app()
    .post(path)
    .set(headers)
    .send(body as object);
const badJson = (path: string, headers: H) =>
  app().post(path).set(headers).set('content-type', 'application/json').send('{"a":');

/** [case, call, statusCode, apiCode] */
type Case = [string, (h: H) => request.Test, number, number | undefined];

const ROUTES_WITH_BODY = [
  '/api/v3/signin-by-mobile',
  '/api/v3/signin',
  '/api/v3/update-profile',
  '/api/v3/update-password',
  '/api/v3/get-wechat-miniprogram-phone',
  '/api/v3/decrypt-wechat-miniprogram-data',
  '/api/v3/send-sms',
  '/api/v3/send-email',
  '/api/v3/bind-email',
  '/api/v3/verify-update-email-request',
  '/api/v3/update-email',
  '/api/v3/bind-phone',
  '/api/v3/verify-update-phone-request',
  '/api/v3/update-phone',
  '/api/v3/verify-delete-account-request',
  '/api/v3/delete-account',
  '/connections/social/wechat-miniprogram/bind',
];

/** Per route, a required field (a number there is 2510; `{}` misses it: 2231). */
const REQUIRED: Record<string, string> = {
  '/api/v3/signin-by-mobile': 'connection',
  '/api/v3/signin': 'connection',
  '/api/v3/update-password': 'newPassword',
  '/api/v3/get-wechat-miniprogram-phone': 'code',
  '/api/v3/decrypt-wechat-miniprogram-data': 'iv',
  '/api/v3/send-sms': 'phoneNumber',
  '/api/v3/send-email': 'email',
  '/api/v3/bind-email': 'email',
  '/api/v3/verify-update-email-request': 'verifyMethod',
  '/api/v3/update-email': 'updateEmailToken',
  '/api/v3/bind-phone': 'phoneNumber',
  '/api/v3/verify-update-phone-request': 'verifyMethod',
  '/api/v3/update-phone': 'updatePhoneToken',
  '/api/v3/verify-delete-account-request': 'verifyMethod',
  '/api/v3/delete-account': 'deleteAccountToken',
  '/connections/social/wechat-miniprogram/bind': 'code',
};
const FIELD_CASES: Case[] = Object.entries(REQUIRED).flatMap(([p, field]): Case[] => [
  [`${p} (no ${field})`, (x) => post(p, x, {}), 400, 2231],
  [`${p} (${field} a number)`, (x) => post(p, x, { [field]: 1 }), 400, 2510],
]);

const mobile = (body: object) => (x: H) => post('/api/v3/signin-by-mobile', x, body);
const CASES: Case[] = [
  ...FIELD_CASES,
  ...ROUTES_WITH_BODY.map((p): Case => [`${p} (malformed JSON)`, (x) => badJson(p, x), 400, 2512]),
  ...ROUTES_WITH_BODY.map((p): Case => [
    `${p} (oversized)`,
    (x) => post(p, x, { pad: 'x'.repeat(4096) }),
    413,
    2511,
  ]),
  ...ROUTES_WITH_BODY.map((p): Case => [`${p} (a JSON array)`, (x) => post(p, x, [1]), 400, 2510]),
  ['signin-by-mobile (no connection)', mobile({ extIdpConnidentifier: CONN }), 400, 2231],
  [
    'signin-by-mobile (unknown connection)',
    mobile({ connection: 'github', extIdpConnidentifier: CONN }),
    400,
    2510,
  ],
  [
    'signin-by-mobile (no extIdpConnidentifier)',
    mobile({ connection: 'wechat_mini_program_code', wechatMiniProgramCodePayload: { code: 'c' } }),
    400,
    2231,
  ],
  [
    'signin-by-mobile (wrong extIdpConnidentifier)',
    mobile({
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: 'wechat-miniprogram-isolated',
      wechatMiniProgramCodePayload: { code: 'c' },
    }),
    404,
    2502,
  ],
  [
    'signin-by-mobile (payload not an object)',
    mobile({
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: CONN,
      wechatMiniProgramCodePayload: 'c',
    }),
    400,
    2510,
  ],
  [
    'signin-by-mobile (code a number)',
    mobile({
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: CONN,
      wechatMiniProgramCodePayload: { code: 1 },
    }),
    400,
    2510,
  ],
  [
    'signin-by-mobile (iv without encryptedData)',
    mobile({
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: CONN,
      wechatMiniProgramCodePayload: { code: 'c', iv: 'x' },
    }),
    400,
    2231,
  ],
  [
    'signin-by-mobile (unknown wx.login code)',
    mobile({
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: CONN,
      wechatMiniProgramCodePayload: { code: 'nope' },
    }),
    602,
    2500,
  ],
  [
    'signin-by-mobile (no wxPhoneInfo)',
    mobile({
      connection: 'wechat_mini_program_code_and_phone',
      extIdpConnidentifier: CONN,
      wechatMiniProgramCodeAndPhonePayload: { wxLoginInfo: { code: 'c' } },
    }),
    400,
    2231,
  ],
  [
    'signin-by-mobile (phone connection without iv)',
    mobile({
      connection: 'wechat_mini_program_phone',
      extIdpConnidentifier: CONN,
      wechatMiniProgramPhonePayload: { code: 'c' },
    }),
    400,
    2231,
  ],
  [
    'signin-by-mobile (no app header)',
    (x) =>
      post(
        '/api/v3/signin-by-mobile',
        { 'x-authing-userpool-id': x['x-authing-userpool-id']! },
        {
          connection: 'wechat_mini_program_code',
          extIdpConnidentifier: CONN,
          wechatMiniProgramCodePayload: { code: 'nope' },
        },
      ),
    400,
    2231,
  ],
  [
    'signin-by-mobile (unknown app)',
    (x) =>
      post(
        '/api/v3/signin-by-mobile',
        { ...x, 'x-authing-app-id': 'nope' },
        { connection: 'wechat_mini_program_code', extIdpConnidentifier: CONN },
      ),
    404,
    2011,
  ],
  [
    'signin (unknown connection)',
    (x) => post('/api/v3/signin', x, { connection: 'LDAP' }),
    400,
    2510,
  ],
  [
    'signin (no identifier)',
    (x) =>
      post('/api/v3/signin', x, { connection: 'PASSWORD', passwordPayload: { password: 'p' } }),
    400,
    2231,
  ],
  [
    'signin (password a number)',
    (x) =>
      post('/api/v3/signin', x, {
        connection: 'PASSWORD',
        passwordPayload: { account: 'a', password: 1 },
      }),
    400,
    2510,
  ],
  [
    'signin (bad RSA ciphertext)',
    (x) =>
      post('/api/v3/signin', x, {
        connection: 'PASSWORD',
        passwordPayload: { account: account.email, password: 'not-rsa' },
        options: { passwordEncryptType: 'rsa' },
      }),
    400,
    2016,
  ],
  [
    'signin (unknown encrypt type)',
    (x) =>
      post('/api/v3/signin', x, {
        connection: 'PASSWORD',
        passwordPayload: { account: 'a', password: 'p' },
        options: { passwordEncryptType: 'des' },
      }),
    400,
    2510,
  ],
  [
    'signin (options not an object)',
    (x) =>
      post('/api/v3/signin', x, {
        connection: 'PASSWORD',
        passwordPayload: { account: 'a', password: 'p' },
        options: 'x',
      }),
    400,
    2510,
  ],
  [
    'signin (wrong passcode)',
    (x) =>
      post('/api/v3/signin', x, {
        connection: 'PASSCODE',
        passCodePayload: { phone: account.phone, passCode: '000000' },
      }),
    400,
    2001,
  ],
  ['get-profile (no token)', () => app().get('/api/v3/get-profile'), 404, 2224],
  [
    'get-profile (garbage token)',
    (x) =>
      app()
        .get('/api/v3/get-profile')
        .set({ ...x, authorization: 'nope' }),
    401,
    2207,
  ],
  [
    'get-profile (bad flag)',
    (x) => app().get('/api/v3/get-profile?withIdentities=maybe').set(x),
    400,
    2510,
  ],
  [
    'update-profile (unknown field)',
    (x) => post('/api/v3/update-profile', x, { phone: '13800000000' }),
    400,
    2510,
  ],
  [
    'update-profile (a number)',
    (x) => post('/api/v3/update-profile', x, { nickname: 1 }),
    400,
    2510,
  ],
  [
    'update-profile (bad gender)',
    (x) => post('/api/v3/update-profile', x, { gender: 'X' }),
    400,
    2510,
  ],
  [
    'update-profile (undefined UDF)',
    (x) => post('/api/v3/update-profile', x, { customData: { nope: 1 } }),
    400,
    2400,
  ],
  [
    'update-password (no newPassword)',
    (x) => post('/api/v3/update-password', x, { oldPassword: 'x' }),
    400,
    2231,
  ],
  [
    'update-password (wrong old password)',
    (x) => post('/api/v3/update-password', x, { newPassword: 'long-enough', oldPassword: 'x' }),
    400,
    2203,
  ],
  [
    'update-password (no token)',
    (x) =>
      post(
        '/api/v3/update-password',
        { 'x-authing-userpool-id': x['x-authing-userpool-id']! },
        { newPassword: 'long-enough' },
      ),
    401,
    2020,
  ],
  [
    'get-wechat-miniprogram-phone (no code)',
    (x) => post('/api/v3/get-wechat-miniprogram-phone', x, { extIdpConnidentifier: CONN }),
    400,
    2231,
  ],
  [
    'get-wechat-miniprogram-phone (wrong extIdpConnidentifier)',
    (x) =>
      post('/api/v3/get-wechat-miniprogram-phone', x, { extIdpConnidentifier: 'x', code: 'c' }),
    404,
    2502,
  ],
  [
    'get-wechat-miniprogram-phone (unknown code)',
    (x) =>
      post('/api/v3/get-wechat-miniprogram-phone', x, { extIdpConnidentifier: CONN, code: 'c' }),
    602,
    2500,
  ],
  [
    'decrypt-wechat-miniprogram-data (no iv)',
    (x) =>
      post('/api/v3/decrypt-wechat-miniprogram-data', x, {
        extIdpConnidentifier: CONN,
        code: 'c',
        encryptedData: 'e',
      }),
    400,
    2231,
  ],
  [
    'decrypt-wechat-miniprogram-data (wrong extIdpConnidentifier)',
    (x) =>
      post('/api/v3/decrypt-wechat-miniprogram-data', x, {
        extIdpConnidentifier: 'wechat-miniprogram-isolated',
        code: 'c',
        iv: 'aXY=',
        encryptedData: 'ZGF0YQ==',
      }),
    404,
    2502,
  ],
  [
    'send-sms (unknown channel)',
    (x) => post('/api/v3/send-sms', x, { phoneNumber: '13800000000', channel: 'CHANNEL_X' }),
    400,
    2510,
  ],
  [
    'send-sms (bad phone)',
    (x) => post('/api/v3/send-sms', x, { phoneNumber: 'abc', channel: 'CHANNEL_LOGIN' }),
    400,
    2028,
  ],
  [
    'send-sms (no pool, app or token)',
    () => post('/api/v3/send-sms', {}, { phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' }),
    404,
    2224,
  ],
  [
    'send-email (bad e-mail)',
    (x) => post('/api/v3/send-email', x, { email: 'nope', channel: 'CHANNEL_LOGIN' }),
    400,
    2003,
  ],
  [
    'bind-email (already has one)',
    (x) => post('/api/v3/bind-email', x, { email: 'x@example.com', passCode: '1' }),
    409,
    2200,
  ],
  [
    'verify-update-email-request (wrong verifyMethod)',
    (x) => post('/api/v3/verify-update-email-request', x, { verifyMethod: 'PHONE_PASSCODE' }),
    400,
    2510,
  ],
  [
    'verify-update-email-request (wrong code)',
    (x) =>
      post('/api/v3/verify-update-email-request', x, {
        verifyMethod: 'EMAIL_PASSCODE',
        emailPassCodePayload: { newEmail: 'n@example.com', newEmailPassCode: '1' },
      }),
    400,
    2001,
  ],
  [
    'update-email (unknown token)',
    (x) => post('/api/v3/update-email', x, { updateEmailToken: 'nope' }),
    400,
    2510,
  ],
  [
    'bind-phone (already has one)',
    (x) => post('/api/v3/bind-phone', x, { phoneNumber: '13700000009', passCode: '1' }),
    409,
    2035,
  ],
  [
    'verify-update-phone-request (same phone)',
    (x) =>
      post('/api/v3/verify-update-phone-request', x, {
        verifyMethod: 'PHONE_PASSCODE',
        phonePassCodePayload: { newPhoneNumber: account.phone, newPhonePassCode: '1' },
      }),
    400,
    2230,
  ],
  ['update-phone (no token)', (x) => post('/api/v3/update-phone', x, {}), 400, 2231],
  [
    'verify-delete-account-request (someone else’s phone)',
    (x) =>
      post('/api/v3/verify-delete-account-request', x, {
        verifyMethod: 'PHONE_PASSCODE',
        phonePassCodePayload: { phoneNumber: '13700000009', passCode: '1' },
      }),
    400,
    2038,
  ],
  [
    'delete-account (unknown token)',
    (x) => post('/api/v3/delete-account', x, { deleteAccountToken: 'nope' }),
    400,
    2510,
  ],
  [
    'bind (wrong extIdpConnidentifier)',
    (x) =>
      post('/connections/social/wechat-miniprogram/bind', x, {
        code: 'c',
        extIdpConnidentifier: 'nope',
      }),
    404,
    2502,
  ],
  [
    'bind (no token)',
    (x) =>
      post(
        '/connections/social/wechat-miniprogram/bind',
        { 'x-authing-userpool-id': x['x-authing-userpool-id']! },
        { code: 'c', extIdpConnidentifier: CONN },
      ),
    401,
    2020,
  ],
];

describe('GenAuth v3 bad input', () => {
  it.each(CASES)(
    '%s → its statusCode and apiCode, HTTP 200, no state change',
    async (_n, call, statusCode, apiCode) => {
      const before = stateOf(mock);
      const res = await call(h);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ statusCode, message: expect.any(String) });
      expect(res.body.apiCode).toBe(apiCode);
      expect(res.body.requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(stateOf(mock)).toBe(before);
    },
  );

  it('answers an unknown v3 path or method with HTTP 404 in the v3 envelope', async () => {
    for (const res of [
      await app().get('/api/v3/nope'),
      await app().get('/api/v3/signin'),
      await app().options('/connections/social/wechat-miniprogram/bind'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, message: '请求的接口不存在' });
    }
  });

  it('checks the connection before the wx.login code is spent', async () => {
    const { code } = mock.control.wechat.login({ appid: demoApp.connection!.appid });
    const body = (extIdpConnidentifier: string) => ({
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier,
      wechatMiniProgramCodePayload: { code },
    });
    const bad = await post('/api/v3/signin-by-mobile', h, body('nope'));
    expect(bad.body).toMatchObject({ statusCode: 404, apiCode: 2502 });
    const good = await post('/api/v3/signin-by-mobile', h, body(CONN));
    expect(good.body).toMatchObject({ statusCode: 200, data: { token_type: 'Bearer' } });
  });

  it('serves GET /api/v3/system bare, with the password key the signin accepts', async () => {
    const res = await app().get('/api/v3/system').set('content-type', 'application/json');
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBeUndefined();
    expect(res.body.rsa.publicKey).toContain('BEGIN PUBLIC KEY');
  });
});
