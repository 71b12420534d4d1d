import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import request from 'supertest';

import { createMockServer } from '../../src';
import { CHECK, gql, login, LOGIN_BY_EMAIL, poolHeaders, rsa, stateOf, USER } from './kit';

const mock = createMockServer();
beforeEach(() => mock.reset());
const g = () => mock.store.fixtures.genauth;

describe('pools are isolated', () => {
  it('a pool-A token is refused in pool B (2207) and reports status false there', async () => {
    const a = await login(mock, 0);
    const inB = { ...poolHeaders(mock, 1), authorization: `Bearer ${a.token}` };
    const me = await gql(mock, USER, {}, inB);
    expect(me).toMatchObject({ data: { user: null }, errors: [{ message: { code: 2207 } }] });
    const check = await gql(mock, CHECK, {}, inB);
    expect(check.data).toMatchObject({ checkLoginStatus: { code: 2207, status: false } });
    const rest = await request(mock.app).get('/api/v2/users/me/security-level').set(inB);
    expect(rest.body).toEqual({ code: 2207, message: '登录信息有误, 需重新登录', data: null });
  });

  it('the same e-mail in two pools is two accounts with their own passwords', async () => {
    const [alice, , , twin] = g().accounts;
    const inB = poolHeaders(mock, 1);
    const wrong = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: twin!.email, password: rsa(alice!.password!) } },
      inB,
    );
    expect(wrong.errors?.[0]?.message.code).toBe(2333);
    const right = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: twin!.email, password: rsa(twin!.password!) } },
      inB,
    );
    expect(right.data).toMatchObject({ loginByEmail: { id: twin!.id } });
  });

  it('the pool comes from the app id alone (wxapp GraphQL, or a pool header of "undefined") or from the token', async () => {
    const a = await login(mock, 0);
    const appOnly = { 'x-authing-app-id': g().apps[0]!.id, authorization: `Bearer ${a.token}` };
    expect((await gql(mock, USER, {}, appOnly)).data).toMatchObject({ user: { id: a.id } });
    const undefinedPool = {
      'x-authing-userpool-id': 'undefined',
      'x-authing-app-id': g().apps[0]!.id,
      authorization: `Bearer ${a.token}`,
    };
    expect((await gql(mock, USER, {}, undefinedPool)).data).toMatchObject({ user: { id: a.id } });
    const tokenOnly = { authorization: `Bearer ${a.token}` };
    expect((await gql(mock, USER, {}, tokenOnly)).data).toMatchObject({ user: { id: a.id } });
  });

  it('unknown pool, unknown app and an app of another pool → 2224, in both wire formats', async () => {
    const before = stateOf(mock);
    const unknownPool = await request(mock.app)
      .post('/api/v2/sms/send')
      .set('x-authing-userpool-id', 'nope')
      .send({ phone: '13800000000' });
    expect(unknownPool.body).toEqual({
      code: 2224,
      message: '用户池不存在',
      data: { userPoolId: 'nope' },
    });
    const unknownApp = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: 'a@b.co', password: 'x' } },
      { 'x-authing-app-id': 'nope' },
    );
    expect(unknownApp).toMatchObject({
      data: { loginByEmail: null },
      errors: [{ message: { code: 2224, message: '应用不存在' } }],
    });
    const crossed = {
      'x-authing-userpool-id': g().pools[0]!.id,
      'x-authing-app-id': g().apps[2]!.id,
    };
    expect((await gql(mock, USER, {}, crossed)).errors?.[0]?.message.code).toBe(2224);
    expect(stateOf(mock)).toBe(before);
  });
});

describe('users cannot act on each other', () => {
  it('updateUser, setUdv, refreshToken and user(id) on another user → 2018, nothing changes', async () => {
    const a = await login(mock, 0);
    const other = g().accounts[1]!.id;
    const before = stateOf(mock);
    const update = await gql(
      mock,
      'mutation ($id: String, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }',
      { id: other, input: { nickname: 'x' } },
      a.headers,
    );
    expect(update.errors?.[0]?.message).toEqual({
      code: 2018,
      message: '用户无权限修改此项内容',
      data: null,
    });
    const udv = await gql(
      mock,
      'mutation { setUdv(targetType: USER, targetId: "' +
        other +
        '", key: "school", value: "x") { key } }',
      {},
      a.headers,
    );
    expect(udv.errors?.[0]?.message.code).toBe(2018);
    const refresh = await gql(
      mock,
      `mutation { refreshToken(id: "${other}") { token } }`,
      {},
      a.headers,
    );
    expect(refresh.errors?.[0]?.message.code).toBe(2018);
    expect((await gql(mock, USER, { id: other }, a.headers)).errors?.[0]?.message.code).toBe(2018);
    expect(stateOf(mock)).toBe(before);
  });
});

describe('token checks', () => {
  it('tampered (2207), forged (2207), alg none (2207), expired (2206), revoked (2206), missing (2020)', async () => {
    const a = await login(mock, 0);
    const h = poolHeaders(mock);
    const [head, body, sig] = a.token.split('.');
    const payload = { ...decodeJwt(a.token), sub: g().accounts[1]!.id };
    const tampered = `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
    const forged = await new SignJWT(decodeJwt(a.token))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('guess'));
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    const status = async (token: string) =>
      ((await gql(mock, CHECK, { token }, h)).data!['checkLoginStatus'] as { code: number }).code;
    expect(await status(tampered)).toBe(2207);
    expect(await status(forged)).toBe(2207);
    expect(await status(none)).toBe(2207);
    expect(await status(a.token)).toBe(200);
    expect(
      (await gql(mock, USER, {}, { ...h, authorization: `Bearer ${tampered}` })).errors?.[0]
        ?.message.code,
    ).toBe(2207);
    expect((await gql(mock, USER, {}, h)).errors?.[0]?.message).toEqual({
      code: 2020,
      message: '尚未登录，无权限访问此请求',
      data: null,
    });

    const logout = await request(mock.app)
      .get(`/api/v2/logout?app_id=${h['x-authing-app-id']}`)
      .set(a.headers);
    expect(logout.body).toEqual({ code: 200, message: '退出登录成功' });
    expect(await status(a.token)).toBe(2206);
    expect((await gql(mock, USER, {}, a.headers)).errors?.[0]?.message.code).toBe(2206);

    const b = await login(mock, 0);
    mock.clock.advance(15 * 24 * 3600 * 1000);
    expect(await status(b.token)).toBe(2206);
    expect((await request(mock.app).get('/api/v2/users/me/orgs').set(b.headers)).body.code).toBe(
      2206,
    );
  });

  it('tokens carry sub, iat, exp (15 days), iss, aud and the data block', async () => {
    const a = await login(mock, 0);
    const claims = decodeJwt(a.token);
    const pool = g().pools[0]!;
    expect(claims).toMatchObject({
      sub: a.id,
      iss: `https://${pool.domain}/oidc`,
      aud: g().apps[0]!.id,
      data: {
        type: 'user',
        userPoolId: pool.id,
        id: a.id,
        arn: `arn:cn:authing:${pool.id}:user:${a.id}`,
        email: g().accounts[0]!.email,
      },
    });
    expect(claims.exp! - claims.iat!).toBe(15 * 24 * 3600);
    expect(decodeProtectedHeader(a.token).alg).toBe('HS256');
  });

  it('an RS256 app signs with the bundled key, verifiable through the served JWKS and discovery', async () => {
    const rsApp = g().apps[1]!;
    const a = g().accounts[0]!;
    const headers = { 'x-authing-app-id': rsApp.id };
    const res = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: a.email, password: rsa(a.password!) } },
      headers,
    );
    const token = (res.data!['loginByEmail'] as { token: string }).token;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const discovery = await request(mock.app)
      .get('/oidc/.well-known/openid-configuration')
      .set(headers);
    expect(discovery.body).toMatchObject({
      issuer: `https://${g().pools[0]!.domain}/oidc`,
      jwks_uri: expect.stringMatching(/\/oidc\/\.well-known\/jwks\.json$/),
    });
    const jwks = await request(mock.app).get('/oidc/.well-known/jwks.json');
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks.body), {
      issuer: discovery.body.issuer,
      currentDate: new Date(mock.clock.now()),
    });
    expect(payload.sub).toBe(a.id);
    expect((await gql(mock, CHECK, { token }, headers)).data).toMatchObject({
      checkLoginStatus: { code: 200 },
    });
  });
});
