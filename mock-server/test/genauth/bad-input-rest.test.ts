/** Bad input on every GenAuth REST route: the right error, never a 500, no state change. */
import { DEMO_APPID } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { createMockServer } from '../../src';
import { login, poolHeaders, stateOf, type Headers } from './kit';

const mock = createMockServer({ bodyLimit: 2048, uploadLimit: 64 });
/** Signed in once: tokens stay valid across reset (same seed, same pool secret). */
let session: Awaited<ReturnType<typeof login>>;
beforeAll(async () => {
  session = await login(mock);
});
beforeEach(() => mock.reset());

type Call = (auth: Headers) => request.Test;
const app = () => request(mock.app);
const none = (h: Headers) => h;

/** [route, call, expected code]; calls get headers with a valid bearer unless they strip it. */
const REST: [string, Call, number][] = [
  [
    'GET /api/v2/.well-known (unknown pool)',
    () => app().get('/api/v2/.well-known').set('x-authing-userpool-id', 'nope'),
    2224,
  ],
  [
    'POST /api/v2/sms/send (no pool, app or token)',
    () => app().post('/api/v2/sms/send').send({ phone: '13800000000' }),
    2224,
  ],
  ['POST /api/v2/sms/send (no phone)', (h) => app().post('/api/v2/sms/send').set(h).send({}), 2231],
  [
    'POST /api/v2/sms/send (bad phone)',
    (h) => app().post('/api/v2/sms/send').set(h).send({ phone: 'abc' }),
    2028,
  ],
  [
    'POST /api/v2/sms/send (malformed JSON)',
    (h) =>
      app()
        .post('/api/v2/sms/send')
        .set(h)
        .set('content-type', 'application/json')
        .send('{"phone":'),
    2512,
  ],
  [
    'POST /api/v2/sms/send (unsupported charset)',
    (h) =>
      app()
        .post('/api/v2/sms/send')
        .set(h)
        .set('content-type', 'application/json; charset=klingon')
        .send('{"phone":"13800000000"}'),
    2512,
  ],
  [
    'POST /api/v2/sms/send (oversized)',
    (h) =>
      app()
        .post('/api/v2/sms/send')
        .set(h)
        .send({ phone: '1'.repeat(5000) }),
    2511,
  ],
  [
    'GET /api/v2/logout (no token)',
    (h) =>
      app()
        .get('/api/v2/logout')
        .set(none({ ...h, authorization: '' })),
    2020,
  ],
  [
    'GET /api/v2/users/me/orgs (no token)',
    (h) =>
      app()
        .get('/api/v2/users/me/orgs')
        .set({ ...h, authorization: '' }),
    2020,
  ],
  [
    'GET /api/v2/users/me/security-level (garbage token)',
    (h) =>
      app()
        .get('/api/v2/users/me/security-level')
        .set({ ...h, authorization: 'Bearer x.y.z' }),
    2207,
  ],
  [
    'GET /api/v2/users/me/applications/allowed (page=abc)',
    (h) => app().get('/api/v2/users/me/applications/allowed?page=abc').set(h),
    2510,
  ],
  [
    'POST /api/v2/users/link (missing token)',
    (h) => app().post('/api/v2/users/link').set(h).send({ primaryUserToken: 'x' }),
    2231,
  ],
  [
    'POST /api/v2/users/link (bad secondary)',
    (h) =>
      app()
        .post('/api/v2/users/link')
        .set(h)
        .send({ primaryUserToken: h['authorization']!.slice(7), secondaryUserToken: 'a.b.c' }),
    2207,
  ],
  [
    'POST /api/v2/users/unlink (no provider)',
    (h) =>
      app()
        .post('/api/v2/users/unlink')
        .set(h)
        .send({ primaryUserToken: h['authorization']!.slice(7) }),
    2231,
  ],
  [
    'POST /api/v2/users/unlink (provider not bound)',
    (h) =>
      app()
        .post('/api/v2/users/unlink')
        .set(h)
        .send({ primaryUserToken: h['authorization']!.slice(7), provider: 'github' }),
    2004,
  ],
  [
    'POST /api/v2/ldap/verify-user (no password)',
    (h) => app().post('/api/v2/ldap/verify-user').set(h).send({ username: 'ldap.zhang' }),
    2231,
  ],
  [
    'POST /api/v2/ldap/verify-user (unknown user)',
    (h) => app().post('/api/v2/ldap/verify-user').set(h).send({ username: 'ghost', password: 'x' }),
    2004,
  ],
  [
    'POST /api/v2/ad/verify-user (password not a string)',
    (h) => app().post('/api/v2/ad/verify-user').set(h).send({ username: 'ad.li', password: 1 }),
    2231,
  ],
  [
    'POST /api/v2/upload (no file)',
    () => app().post('/api/v2/upload?folder=avatar').field('other', 'x'),
    2231,
  ],
  [
    'POST /api/v2/upload (not multipart)',
    () => app().post('/api/v2/upload?folder=avatar').send({ file: 'x' }),
    2512,
  ],
  [
    'POST /api/v2/upload (bad folder)',
    () => app().post('/api/v2/upload?folder=../etc').attach('file', Buffer.from('x'), 'a.png'),
    2510,
  ],
  [
    'POST /api/v2/upload (too large)',
    () => app().post('/api/v2/upload?folder=avatar').attach('file', Buffer.alloc(100), 'a.png'),
    2511,
  ],
  [
    'POST …/wechat-miniprogram/auth (no code)',
    (h) => app().post('/connections/social/wechat-miniprogram/auth').set(h).send({}),
    2231,
  ],
  [
    'POST …/wechat-miniprogram/auth (iv without encryptedData)',
    (h) =>
      app().post('/connections/social/wechat-miniprogram/auth').set(h).send({ code: 'c', iv: 'x' }),
    2231,
  ],
  [
    'POST …/wechat-miniprogram/auth (unknown code)',
    (h) => app().post('/connections/social/wechat-miniprogram/auth').set(h).send({ code: 'nope' }),
    2500,
  ],
  [
    'POST …/wechat-miniprogram/auth-by-phone (no phone source)',
    (h) =>
      app().post('/connections/social/wechat-miniprogram/auth-by-phone').set(h).send({ code: 'c' }),
    2231,
  ],
  [
    'POST …/wechat-miniprogram/getphone (bad phoneCode)',
    (h) =>
      app()
        .post('/connections/social/wechat-miniprogram/getphone')
        .set(h)
        .send({ phoneCode: 'nope' }),
    2500,
  ],
  [
    'GET /oidc/.well-known/openid-configuration (unknown app)',
    () => app().get('/oidc/.well-known/openid-configuration').set('x-authing-app-id', 'nope'),
    2224,
  ],
];

describe('REST routes', () => {
  it.each(REST)('%s → its code, HTTP 200, no state change', async (_name, call, code) => {
    const before = stateOf(mock);
    const res = await call(session.headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, message: expect.any(String) });
    expect(stateOf(mock)).toBe(before);
  });

  it('malformed rawData is refused before the wx.login code is spent', async () => {
    const h = poolHeaders(mock);
    const { code } = mock.control.wechat.login({ appid: DEMO_APPID });
    const bad = await app()
      .post('/connections/social/wechat-miniprogram/auth')
      .set(h)
      .send({ code, rawData: '{nope' });
    expect(bad.body).toMatchObject({ code: 2510, data: { field: 'rawData' } });
    const good = await app()
      .post('/connections/social/wechat-miniprogram/auth')
      .set(h)
      .send({ code });
    expect(good.body).toMatchObject({ code: 200, data: { token: expect.any(String) } });
  });
});
