/** Bad input on every OIDC route: the OAuth error shape with its RFC status, never a 500. */
import { gzipSync } from 'node:zlib';

import request from 'supertest';

import { createMockServer } from '../../src';
import { authorize, fixturesOf, passwordTokens, pkce, REDIRECT } from './kit';

const logged: string[] = [];
const mock = createMockServer({ bodyLimit: 2048, log: (line) => logged.push(line) });
const app = () => request(mock.app);
const f = () => fixturesOf(mock);
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

beforeEach(() => mock.reset());
afterAll(() => expect(logged).toEqual([]));

type Call = () => request.Test | Promise<request.Response>;

/** A POST of `body` as a form. */
const form = (path: string, body: string | object) => app().post(path).type('form').send(body);
/** A POST of the bytes of `body` as `contentType`. */
const raw = (path: string, contentType: string, body: string) =>
  app().post(path).set('content-type', contentType).send(body);
/** A POST to the token endpoint of `body` as a form. */
const token = (body: string | object) => form('/oidc/token', body);
/** A code of `hs` bound to the S256 PKCE `challenge`. */
const authorizeS256 = (challenge: string) =>
  authorize(mock, f().hs.id, { code_challenge: challenge, code_challenge_method: 'S256' });
/** The authorization-code grant of `code` by `hs` without a secret, with `extra` parameters. */
const redeemCode = (code: string, extra: object = {}) =>
  token({
    grant_type: 'authorization_code',
    client_id: f().hs.id,
    code,
    redirect_uri: REDIRECT,
    ...extra,
  });

/** [case, call, HTTP status, OAuth error]. */
const CASES: [string, Call, number, string][] = [
  ['token: no grant_type', () => token('a=1'), 400, 'invalid_request'],
  [
    'token: unknown grant_type',
    () => token(`grant_type=implicit&client_id=${f().hs.id}`),
    400,
    'unsupported_grant_type',
  ],
  [
    'token: no client at all',
    () => token('grant_type=refresh_token&refresh_token=x'),
    401,
    'invalid_client',
  ],
  [
    'token: unknown client_id',
    () => token('grant_type=refresh_token&refresh_token=x&client_id=nope'),
    401,
    'invalid_client',
  ],
  [
    'token: wrong client_secret (post)',
    () => token({ grant_type: 'client_credentials', client_id: f().hs.id, client_secret: 'wrong' }),
    401,
    'invalid_client',
  ],
  [
    'token: wrong client_secret (basic)',
    () =>
      app()
        .post('/oidc/token')
        .set('authorization', basic(f().hs.id, 'wrong'))
        .type('form')
        .send({ grant_type: 'client_credentials' }),
    401,
    'invalid_client',
  ],
  [
    'token: basic and post at once',
    () =>
      app()
        .post('/oidc/token')
        .set('authorization', basic(f().hs.id, f().hs.secret))
        .type('form')
        .send({ grant_type: 'client_credentials', client_secret: f().hs.secret }),
    400,
    'invalid_request',
  ],
  [
    'token: client_id and x-authing-app-id disagree',
    () =>
      app()
        .post('/oidc/token')
        .set('x-authing-app-id', f().rs.id)
        .type('form')
        .send({ grant_type: 'refresh_token', client_id: f().hs.id, refresh_token: 'x' }),
    400,
    'invalid_request',
  ],
  [
    'token: client_credentials without a secret',
    () => token({ grant_type: 'client_credentials', client_id: f().hs.id }),
    401,
    'invalid_client',
  ],
  [
    'token: refresh without refresh_token',
    () => token({ grant_type: 'refresh_token', client_id: f().hs.id }),
    400,
    'invalid_request',
  ],
  [
    'token: unknown refresh token',
    () => token({ grant_type: 'refresh_token', client_id: f().hs.id, refresh_token: 'nope' }),
    400,
    'invalid_grant',
  ],
  [
    'token: password without password',
    () => token({ grant_type: 'password', client_id: f().hs.id, username: f().user.email! }),
    400,
    'invalid_request',
  ],
  ['token: unknown code', () => redeemCode('nope'), 400, 'invalid_grant'],
  [
    'token: bad PKCE verifier',
    async () => {
      const code = await authorizeS256(pkce().challenge);
      return redeemCode(code, { code_verifier: pkce().verifier });
    },
    400,
    'invalid_grant',
  ],
  [
    'token: missing PKCE verifier',
    async () => {
      const code = await authorizeS256(pkce().challenge);
      return redeemCode(code);
    },
    400,
    'invalid_grant',
  ],
  [
    'token: wrong redirect_uri',
    async () => {
      const { verifier, challenge } = pkce();
      const code = await authorizeS256(challenge);
      return redeemCode(code, {
        redirect_uri: 'http://127.0.0.1:9/other',
        code_verifier: verifier,
      });
    },
    400,
    'invalid_grant',
  ],
  [
    'token: reused code',
    async () => {
      const code = await authorize(mock, f().hs.id);
      const redeem = () =>
        app()
          .post('/oidc/token')
          .set('authorization', basic(f().hs.id, f().hs.secret))
          .type('form')
          .send({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
      expect((await redeem()).status).toBe(200);
      return redeem();
    },
    400,
    'invalid_grant',
  ],
  [
    "token: another client's code",
    async () => {
      const code = await authorize(mock, f().hs.id);
      return app()
        .post('/oidc/token')
        .set('authorization', basic(f().rs.id, f().rs.secret))
        .type('form')
        .send({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    },
    400,
    'invalid_grant',
  ],
  [
    'token: a code without PKCE redeemed without a secret',
    async () => {
      const code = await authorize(mock, f().hs.id);
      return redeemCode(code);
    },
    401,
    'invalid_client',
  ],
  [
    'token: malformed JSON',
    () => raw('/oidc/token', 'application/json', '{"grant_type":'),
    400,
    'invalid_request',
  ],
  [
    'token: JSON that is not an object',
    () => raw('/oidc/token', 'application/json', '["a"]'),
    400,
    'invalid_request',
  ],
  [
    'token: a JSON value that is not a string',
    () =>
      app()
        .post('/oidc/token')
        .send({ grant_type: ['refresh_token'] }),
    400,
    'invalid_request',
  ],
  [
    'token: wrong content type',
    () => raw('/oidc/token', 'text/plain', 'grant_type=password'),
    400,
    'invalid_request',
  ],
  [
    'token: malformed content type',
    () => raw('/oidc/token', 'application/json;;;', '{}'),
    400,
    'invalid_request',
  ],
  [
    'token: unknown charset',
    () =>
      raw(
        '/oidc/token',
        'application/x-www-form-urlencoded; charset=klingon',
        'grant_type=password',
      ),
    400,
    'invalid_request',
  ],
  [
    'token: repeated parameter',
    () => token('grant_type=password&grant_type=refresh_token'),
    400,
    'invalid_request',
  ],
  [
    'token: oversized body',
    () => token(`grant_type=password&x=${'a'.repeat(4096)}`),
    413,
    'invalid_request',
  ],
  [
    'token: corrupt gzip',
    () =>
      app()
        .post('/oidc/token')
        .set('content-type', 'application/x-www-form-urlencoded')
        .set('content-encoding', 'gzip')
        .send(gzipSync('grant_type=password').subarray(0, 8)),
    400,
    'invalid_request',
  ],
  [
    'token: malformed Basic credentials',
    () =>
      app()
        .post('/oidc/token')
        .set('authorization', 'Basic !!!')
        .type('form')
        .send('grant_type=client_credentials'),
    400,
    'invalid_request',
  ],
  ['token: GET', () => app().get('/oidc/token'), 405, 'invalid_request'],
  [
    'revocation: no token',
    () => form('/oidc/token/revocation', `client_id=${f().hs.id}`),
    400,
    'invalid_request',
  ],
  [
    'revocation: unknown client',
    () => form('/oidc/token/revocation', 'client_id=nope&token=t'),
    401,
    'invalid_client',
  ],
  [
    'revocation: wrong secret',
    () =>
      form('/oidc/token/revocation', { client_id: f().hs.id, client_secret: 'wrong', token: 't' }),
    401,
    'invalid_client',
  ],
  [
    'revocation: malformed JSON',
    () => raw('/oidc/token/revocation', 'application/json', '{'),
    400,
    'invalid_request',
  ],
  [
    'introspection: no secret',
    () => form('/oidc/token/introspection', { client_id: f().hs.id, token: 't' }),
    401,
    'invalid_client',
  ],
  [
    'introspection: no token',
    () => form('/oidc/token/introspection', { client_id: f().hs.id, client_secret: f().hs.secret }),
    400,
    'invalid_request',
  ],
  ['userinfo: no token', () => app().get('/oidc/me'), 401, 'invalid_token'],
  [
    'userinfo: garbage token',
    () => app().get('/oidc/me').set('authorization', 'Bearer a.b.c'),
    401,
    'invalid_token',
  ],
  [
    'userinfo: token in header and body',
    () =>
      app()
        .post('/oidc/me')
        .set('authorization', 'Bearer a.b.c')
        .type('form')
        .send('access_token=x'),
    400,
    'invalid_request',
  ],
  [
    'userinfo: a client_credentials token',
    async () => {
      const cc = await app()
        .post('/oidc/token')
        .set('authorization', basic(f().hs.id, f().hs.secret))
        .type('form')
        .send('grant_type=client_credentials');
      return app().get('/oidc/me').set('authorization', `Bearer ${cc.body.access_token}`);
    },
    401,
    'invalid_token',
  ],
  [
    'userinfo: a token without openid',
    async () => {
      const set = await passwordTokens(mock, f().hs.id, 'profile');
      return app().get('/oidc/me').set('authorization', `Bearer ${set.access_token}`);
    },
    403,
    'insufficient_scope',
  ],
  ['userinfo: PUT', () => app().put('/oidc/me'), 405, 'invalid_request'],
  [
    'auth: unknown client',
    () => app().get('/oidc/auth').query({ client_id: 'nope', redirect_uri: REDIRECT }),
    400,
    'invalid_request',
  ],
  [
    'auth: no redirect_uri',
    () => app().get('/oidc/auth').query({ client_id: f().hs.id }),
    400,
    'invalid_request',
  ],
  [
    'auth: unregistered redirect_uri',
    () =>
      app()
        .get('/oidc/auth')
        .query({ client_id: f().hs.id, redirect_uri: 'https://evil.example/cb' }),
    400,
    'invalid_request',
  ],
  [
    'auth: redirect_uri with a fragment',
    () =>
      app()
        .get('/oidc/auth')
        .query({ client_id: f().hs.id, redirect_uri: `${REDIRECT}#x` }),
    400,
    'invalid_request',
  ],
  [
    'auth: repeated parameter',
    () => app().get('/oidc/auth?client_id=a&client_id=b'),
    400,
    'invalid_request',
  ],
  [
    'session/end: bad id_token_hint',
    () => app().get('/oidc/session/end').query({ id_token_hint: 'a.b.c' }),
    400,
    'invalid_request',
  ],
  [
    'session/end: post_logout_redirect_uri without a client',
    () => app().get('/oidc/session/end').query({ post_logout_redirect_uri: REDIRECT }),
    400,
    'invalid_request',
  ],
  [
    'session/end: unregistered post_logout_redirect_uri',
    () =>
      app()
        .get('/oidc/session/end')
        .query({ client_id: f().hs.id, post_logout_redirect_uri: 'https://evil.example/' }),
    400,
    'invalid_request',
  ],
];

describe('OIDC routes', () => {
  it.each(CASES)(
    '%s → HTTP %s, {error: %s, error_description}',
    async (_name, call, status, error) => {
      const res = await call();
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ error, error_description: expect.any(String) });
      if (status === 401) expect(res.headers['www-authenticate']).toEqual(expect.any(String));
    },
  );

  it.each([
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['response_mode=fragment', { response_mode: 'fragment' }, 'invalid_request'],
    [
      'plain PKCE',
      { code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' },
      'invalid_request',
    ],
    ['a challenge without its method', { code_challenge: 'x'.repeat(43) }, 'invalid_request'],
    [
      'a malformed challenge',
      { code_challenge: 'short', code_challenge_method: 'S256' },
      'invalid_request',
    ],
    ['no login_hint', { login_hint: '' }, 'login_required'],
    ['an unknown user', { login_hint: 'nobody@example.com' }, 'access_denied'],
  ])('auth: %s → redirected with the error and state', async (_name, extra, error) => {
    const res = await app()
      .get('/oidc/auth')
      .query({
        client_id: f().hs.id,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'openid',
        state: 's-1',
        login_hint: f().user.email!,
        ...extra,
      });
    expect(res.status).toBe(302);
    const location = new URL(res.headers['location'] as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error,
      error_description: expect.any(String),
      state: 's-1',
      iss: f().issuer,
    });
  });

  it('session/end without parameters answers the signed-out page', async () => {
    const res = await app().get('/oidc/session/end').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('signed out');
  });

  it('keeps the GenAuth 404 envelope for other paths under /oidc', async () => {
    const res = await app().get('/oidc/nope').expect(404);
    expect(res.body).toEqual({
      code: 404,
      message: '请求的接口不存在',
      data: { method: 'GET', path: '/oidc/nope' },
    });
  });
});
