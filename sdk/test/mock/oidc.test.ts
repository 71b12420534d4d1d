import { createHash, randomBytes } from 'node:crypto';

import { createMockServer } from '@genauth-wxapp/mock-server';

import { failure } from '../helpers/failure';
import { useMockHarness, type MockHarness } from '../helpers/mock';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

/** The default dataset with the demo app's introspection set to `none` (client_id alone). */
function introspectionNone() {
  const fixtures = createMockServer().store.fixtures;
  const [demo, ...apps] = fixtures.genauth.apps;
  const none = { ...demo!, introspectionAuthMethod: 'none' as const };
  return { ...fixtures, genauth: { ...fixtures.genauth, apps: [none, ...apps] } };
}
let n: MockHarness;
useMockHarness((harness) => (n = harness), { fixtures: introspectionNone() });

const redirectUri = 'http://127.0.0.1/callback';

/** A PKCE pair: a random `code_verifier` and its S256 `code_challenge`. */
function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Authorises `login_hint` at the mock's /oidc/auth and returns the code of the redirect. */
async function authorize(url: string, hint: string): Promise<string> {
  const res = await fetch(`${url}&login_hint=${encodeURIComponent(hint)}`, { redirect: 'manual' });
  const location = new URL(res.headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code: ${location.href}`);
  return code;
}

/** The form fields of a journaled request (the journal keeps an OIDC form body as its fields). */
function form(entry: { body: unknown }): Record<string, string> {
  return entry.body as Record<string, string>;
}

describe('OIDC helpers against the mock provider', () => {
  it('runs the code flow with PKCE, userinfo, refresh, introspection and revocation', async () => {
    const { client } = h.client({ redirectUri });
    const account = h.account((a) => a.email);
    const { verifier, challenge } = pkce();
    const url = client.buildAuthorizeUrl({
      scope: 'openid profile email offline_access',
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
    });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(`${h.url}/oidc/auth`);
    expect(Object.fromEntries(parsed.searchParams)).toMatchObject({
      client_id: h.app.appId,
      redirect_uri: redirectUri,
      response_type: 'code',
      response_mode: 'query',
      prompt: 'consent',
      code_challenge: challenge,
    });

    const code = await authorize(url, account.email!);
    const tokens = await client.getAccessTokenByCode(code, { codeVerifier: verifier });
    expect(tokens).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const sent = await h.last('/oidc/token');
    expect(form(sent)).toEqual({
      client_id: h.app.appId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(sent.headers['content-type']).toMatch(/x-www-form-urlencoded/);

    const info = await client.getUserInfoByAccessToken(tokens.access_token);
    expect(info.email).toBe(account.email);
    expect((await h.last('/oidc/me')).method).toBe('POST');

    const renewed = await client.getNewAccessTokenByRefreshToken(tokens.refresh_token!);
    expect(renewed.access_token).toEqual(expect.any(String));
    expect(form(await h.last('/oidc/token'))).toEqual({
      client_id: h.app.appId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });

    // An app left at GenAuth's default introspection method wants the secret, which a
    // mini-program does not hold (an app set to `none`: below).
    const refused = await failure(client.introspectToken(renewed.access_token));
    expect(refused).toMatchObject({ kind: 'oauth', code: 401 });
    expect(form(await h.last('/oidc/token/introspection'))).toEqual({
      client_id: h.app.appId,
      token: renewed.access_token,
    });

    await expect(client.revokeToken(renewed.access_token)).resolves.toBe(true);
    expect(form(await h.last('/oidc/token/revocation'))).toEqual({
      client_id: h.app.appId,
      token: renewed.access_token,
    });
    const revoked = await failure(client.getUserInfoByAccessToken(renewed.access_token));
    expect(revoked).toMatchObject({ kind: 'oauth', code: 401 });
  });

  it('introspectToken on an app set to none: active for a live token, inactive once revoked', async () => {
    const { client } = n.client({ redirectUri });
    const account = n.account((a) => a.email);
    const { verifier, challenge } = pkce();
    const url = client.buildAuthorizeUrl({
      scope: 'openid profile email offline_access',
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
    });
    const code = await authorize(url, account.email!);
    const tokens = await client.getAccessTokenByCode(code, { codeVerifier: verifier });

    const live = await client.introspectToken(tokens.access_token);
    expect(live).toMatchObject({
      active: true,
      sub: account.id,
      client_id: n.app.appId,
      scope: 'openid profile email offline_access',
      token_type: 'Bearer',
      iat: expect.any(Number),
      exp: expect.any(Number),
      iss: expect.stringMatching(/^https:\/\/.+\/oidc$/),
    });
    const sent = await n.last('/oidc/token/introspection');
    expect(sent.method).toBe('POST');
    expect(sent.headers['authorization']).toBeUndefined();
    expect(sent.headers['content-type']).toMatch(/x-www-form-urlencoded/);
    expect(form(sent)).toEqual({ client_id: n.app.appId, token: tokens.access_token });
    expect(sent.status).toBe(200);

    await expect(client.introspectToken(tokens.refresh_token!)).resolves.toMatchObject({
      active: true,
      sub: account.id,
      token_type: 'refresh_token',
    });

    await expect(client.revokeToken(tokens.access_token)).resolves.toBe(true);
    await expect(client.introspectToken(tokens.access_token)).resolves.toEqual({ active: false });
    const after = await n.requests('/oidc/token/introspection');
    expect(after.map((e) => form(e).token)).toEqual([
      tokens.access_token,
      tokens.refresh_token,
      tokens.access_token,
    ]);
  });

  it('fails with invalid_grant for a code without its PKCE verifier', async () => {
    const { client } = h.client({ redirectUri });
    const { challenge } = pkce();
    const url = client.buildAuthorizeUrl({ codeChallenge: challenge, codeChallengeMethod: 'S256' });
    const code = await authorize(url, h.account((a) => a.email).email!);
    const error = await failure(client.getAccessTokenByCode(code));
    expect(error).toMatchObject({ kind: 'oauth', code: 400, data: { error: 'invalid_grant' } });
  });

  it('builds the logout, OAuth, SAML and CAS URLs as authing-js-sdk does', () => {
    const { client } = h.client({ appHost: 'https://app.example.com/' });
    expect(client.buildLogoutUrl()).toBe('https://app.example.com/login/profile/logout');
    expect(
      client.buildLogoutUrl({ expert: true, idToken: 'id', redirectUri: 'http://127.0.0.1/' }),
    ).toBe(
      'https://app.example.com/oidc/session/end?id_token_hint=id&post_logout_redirect_uri=http://127.0.0.1/',
    );
    expect(() => client.buildLogoutUrl({ expert: true })).toThrow(/idToken/);
    const oauth = h.client({ appHost: 'https://app.example.com', protocol: 'oauth' }).client;
    const params = new URL(oauth.buildAuthorizeUrl({ state: 's' })).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      state: 's',
      scope: 'user',
      client_id: h.app.appId,
      response_type: 'code',
    });
    const saml = h.client({ appHost: 'https://app.example.com', protocol: 'saml' }).client;
    expect(saml.buildAuthorizeUrl()).toBe(`https://app.example.com/saml-idp/${h.app.appId}`);
    const cas = h.client({ appHost: 'https://app.example.com', protocol: 'cas' }).client;
    expect(cas.buildAuthorizeUrl({ service: 'https://s' })).toBe(
      `https://app.example.com/cas-idp/${h.app.appId}?service=https://s`,
    );
    expect(cas.buildLogoutUrl({ redirectUri: 'https://s' })).toBe(
      'https://app.example.com/cas-idp/logout?url=https://s',
    );
  });

  it('validateTicketV1: valid with the username for a fresh ticket, invalid once reused', async () => {
    const { client } = h.client({ protocol: 'cas' });
    const account = h.account((a) => a.username && a.email);
    const service = 'http://127.0.0.1/cas/callback';
    const login = `${client.buildAuthorizeUrl({ service })}&login_hint=${encodeURIComponent(account.email!)}`;
    expect(login.startsWith(`${h.url}/cas-idp/${h.app.appId}?service=`)).toBe(true);
    const res = await fetch(login, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const ticket = new URL(res.headers.get('location') ?? '').searchParams.get('ticket')!;
    expect(ticket).toMatch(/^ST-/);

    await expect(client.validateTicketV1(ticket, service)).resolves.toEqual({
      valid: true,
      username: account.username,
    });
    await expect(client.validateTicketV1(ticket, service)).resolves.toEqual({
      valid: false,
      message: 'ticket 不合法',
    });
    const sent = await h.requests(`/cas-idp/${h.app.appId}/validate`);
    expect(sent).toHaveLength(2);
    for (const entry of sent) {
      expect(entry).toMatchObject({ method: 'GET', query: { service, ticket } });
      expect(entry.status).toBe(200);
    }
  });

  it('validateTicketV1 of an unknown ticket or another service is invalid', async () => {
    const { client } = h.client({ protocol: 'cas' });
    await expect(client.validateTicketV1('ST-1', 'https://s')).resolves.toEqual({
      valid: false,
      message: 'ticket 不合法',
    });
    const [sent] = await h.requests(`/cas-idp/${h.app.appId}/validate`);
    expect(sent).toMatchObject({ method: 'GET', query: { service: 'https://s', ticket: 'ST-1' } });
  });

  it('refuses the token helpers for the cas protocol', async () => {
    const { client } = h.client({ protocol: 'cas' });
    const error = await failure(client.getNewAccessTokenByRefreshToken('r'));
    expect(error).toMatchObject({ kind: 'invalid-argument', code: 400 });
  });
});
