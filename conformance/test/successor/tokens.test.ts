/** The successor SDK's tokens: refresh, logout and revocation, the pool header, pools apart, v2 and v3 together. */
import { mockPerFile, sdkFor, tenancy } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('./taro').taroModule, { virtual: true });

const { mock, url } = mockPerFile();
const OFFLINE = { scope: 'openid profile offline_access' };

/** `GET /api/v3/get-profile` with a raw token, as the SDK sends it. */
async function profileWith(token: string, poolId?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url()}/api/v3/get-profile`, {
    headers: { authorization: token, ...(poolId ? { 'x-authing-userpool-id': poolId } : {}) },
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('@authing/miniapp-taro 5.1.18 tokens', () => {
  test('refreshToken rotates the refresh token at /oidc/token and replaces the stored state', async () => {
    const t = tenancy(mock);
    const { sdk, bridge } = await sdkFor(url(), t);
    const [, first] = await sdk.loginByCode({
      extIdpConnidentifier: t.extIdpConnidentifier,
      options: OFFLINE,
    });
    mock.clock.advance(1000);
    const [err, next] = await sdk.refreshToken();
    expect(err).toBeNull();
    expect(next.access_token).not.toBe(first.access_token);
    expect(next.refresh_token).not.toBe(first.refresh_token);
    expect(next.expires_at).toBeGreaterThan(Date.now());
    expect(bridge.storage.get(`authing:${t.appId}:login-state`)).toEqual(next);
    const sent = mock.control.journal.list({ path: '/oidc/token' }).at(-1)!;
    expect(sent.headers['x-authing-app-id']).toBe(t.appId);
    const [, me] = await sdk.getUserInfo();
    expect(typeof me.userId).toBe('string');
    // The rotated-out refresh token no longer refreshes.
    await sdk.saveLoginState(first);
    const [reused, none] = await sdk.refreshToken();
    expect(none).toBeUndefined();
    expect(reused).toMatchObject({ error: 'invalid_grant' });
  });

  test('refreshToken without a refresh token, or once the state expired, is a local error', async () => {
    const t = tenancy(mock);
    const { sdk } = await sdkFor(url(), t);
    await sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    const [noRefresh] = await sdk.refreshToken();
    expect(noRefresh).toEqual({ message: 'refresh_token must not be empty' });
    await sdk.saveLoginState({ access_token: 'a', refresh_token: 'r', expires_in: 0 });
    const [expired] = await sdk.refreshToken();
    expect(expired).toEqual({ message: 'refresh_token has expired, please login again' });
  });

  test('logout revokes the access token (get-profile then 401) and clears the state', async () => {
    const t = tenancy(mock);
    const { sdk, bridge } = await sdkFor(url(), t);
    const [, state] = await sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(await profileWith(state.access_token, t.userPoolId)).toMatchObject({ statusCode: 200 });
    const [err, done] = await sdk.logout();
    expect(err).toBeNull();
    expect(done).toBe(true);
    expect(bridge.storage.get(`authing:${t.appId}:login-state`)).toBeUndefined();
    const sent = mock.control.journal.list({ path: '/oidc/token/revocation' }).at(-1)!;
    expect(sent.status).toBe(200);
    expect(await profileWith(state.access_token, t.userPoolId)).toMatchObject({
      statusCode: 401,
      apiCode: 2206,
    });
  });

  test('logout without a valid state just clears it, sending nothing', async () => {
    const t = tenancy(mock);
    const { sdk } = await sdkFor(url(), t);
    await sdk.saveLoginState({ access_token: 'a', expires_in: 0 });
    const [err, done] = await sdk.logout();
    expect([err, done]).toEqual([null, true]);
    expect(mock.control.journal.list({ path: '/oidc/token/revocation' })).toHaveLength(0);
  });

  test('without userPoolId the SDK sends no pool header and the pool comes from the token', async () => {
    const t = tenancy(mock);
    const { sdk } = await sdkFor(url(), t, { userPoolId: undefined });
    await sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    const [err, me] = await sdk.getUserInfo();
    expect(err).toBeNull();
    expect(me.userPoolId).toBe(t.userPoolId);
    const sent = mock.control.journal.list({ path: '/api/v3/get-profile' }).at(-1)!;
    expect(sent.headers['x-authing-userpool-id']).toBeUndefined();
  });

  test('pools stay apart: a token of pool A is refused in pool B, and A’s connection is unknown there', async () => {
    const a = tenancy(mock, 0);
    const b = tenancy(mock, 2);
    expect(b.userPoolId).not.toBe(a.userPoolId);
    const inA = await sdkFor(url(), a);
    const [, state] = await inA.sdk.loginByCode({ extIdpConnidentifier: a.extIdpConnidentifier });
    const inB = await sdkFor(url(), b);
    await inB.sdk.saveLoginState(state);
    const [refused] = await inB.sdk.getUserInfo();
    expect(refused).toMatchObject({ statusCode: 401, apiCode: 2207 });
    await inB.sdk.clearLoginState(); // else loginByCode returns the stored state unasked
    const [unknown] = await inB.sdk.loginByCode({ extIdpConnidentifier: a.extIdpConnidentifier });
    expect(unknown).toMatchObject({ statusCode: 404, apiCode: 2502 });
    const [ok] = await inB.sdk.loginByCode({ extIdpConnidentifier: b.extIdpConnidentifier });
    expect(ok).toBeNull();
    // The same e-mail in pool B is another account, with its own password.
    const account = mock.store.fixtures.genauth.accounts[0]!;
    const [other] = await inB.sdk.loginByPassword({
      passwordPayload: { email: account.email, password: account.password },
    });
    expect(other).toMatchObject({ statusCode: 403, apiCode: 2333 });
  });

  test('v2 and v3 share one model: a v3 login token reads the v2 user, a v2 token the v3 profile', async () => {
    const t = tenancy(mock);
    const { sdk } = await sdkFor(url(), t);
    const [, state] = await sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    const [, me] = await sdk.getUserInfo();
    const gql = await fetch(`${url()}/graphql/v2`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-authing-userpool-id': t.userPoolId,
        authorization: `Bearer ${state.access_token}`,
      },
      body: JSON.stringify({ query: '{ user { id openid } }' }),
    });
    const body = (await gql.json()) as { data: { user: { id: string; openid: string } } };
    expect(body.data.user.id).toBe(me.userId);

    // The v2 wxapp connection signs the same WeChat user in; its token works on v3.
    const code = mock.control.wechat.login({
      appid: t.wechatAppid,
      openid: body.data.user.openid,
    }).code;
    const v2 = await fetch(`${url()}/connections/social/wechat-miniprogram/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-app-id': t.appId },
      body: JSON.stringify({ code }),
    });
    const v2User = ((await v2.json()) as { data: { id: string; token: string } }).data;
    expect(v2User.id).toBe(me.userId);
    expect(await profileWith(v2User.token)).toMatchObject({
      statusCode: 200,
      data: { userId: me.userId },
    });
  });
});
