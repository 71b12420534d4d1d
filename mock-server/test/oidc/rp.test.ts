/**
 * openid-client, a real relying party, against the mock over HTTP: discovery, authorization
 * code + PKCE, id_tokens verified (RS256 through the JWKS, HS256 with the app secret), userinfo,
 * refresh with rotation, revocation, introspection, client credentials, password, end-session.
 * openid-client is ESM-only and Jest's module system cannot load it, so the relying party runs
 * in a child `node` process (`rp.mjs`) and reports what each step got.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import request from 'supertest';

import { createMockServer } from '../../src';

const mock = createMockServer();
const g = () => mock.store.fixtures.genauth;
const pool = () => g().pools[0]!;
const appOf = (alg: 'HS256' | 'RS256') =>
  g().apps.find((a) => a.poolId === pool().id && a.tokenAlgorithm === alg)!;
const user = () => g().accounts.find((a) => a.poolId === pool().id && a.email && a.password)!;
const issuer = () => `https://${pool().domain}/oidc`;

/** A JSON value of the report, read loosely (the assertions say what it must be). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
type Step =
  | { ok: true; value: Loose }
  | { ok: false; error?: string; status?: number; message: string; name?: string };
let report: Record<string, Step> & { metadata?: Record<string, unknown> };

const value = (name: string) => {
  const s = report[name];
  if (!s?.ok) throw new Error(`${name} failed: ${JSON.stringify(s)}`);
  return s.value;
};
const failure = (name: string) => {
  const s = report[name];
  if (!s || s.ok) throw new Error(`${name} did not fail: ${JSON.stringify(s)}`);
  return s;
};

beforeAll(async () => {
  const url = await mock.start(0);
  const rs = appOf('RS256');
  const hs = appOf('HS256');
  const arg = JSON.stringify({
    url,
    issuer: issuer(),
    rs: { id: rs.id, secret: rs.secret },
    hs: { id: hs.id, secret: hs.secret },
    user: { email: user().email, password: user().password },
  });
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'rp.mjs'), arg], {
    timeout: 30_000,
  });
  report = JSON.parse(stdout);
}, 40_000);
afterAll(() => mock.stop());

describe('openid-client against the mock', () => {
  it('discovers the provider: issuer of the pool, every endpoint', () => {
    value('discovery');
    expect(report.metadata).toMatchObject({
      issuer: issuer(),
      authorization_endpoint: `${mock.url}/oidc/auth`,
      token_endpoint: `${mock.url}/oidc/token`,
      userinfo_endpoint: `${mock.url}/oidc/me`,
      jwks_uri: `${mock.url}/oidc/.well-known/jwks.json`,
      revocation_endpoint: `${mock.url}/oidc/token/revocation`,
      introspection_endpoint: `${mock.url}/oidc/token/introspection`,
      end_session_endpoint: `${mock.url}/oidc/session/end`,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: expect.arrayContaining([
        'none',
        'client_secret_post',
        'client_secret_basic',
      ]),
    });
  });

  it('runs authorization code + PKCE; the RS256 id_token verifies with the JWKS', () => {
    // openid-client checked the signature (non-repudiation checks) with the served JWKS.
    expect(
      mock.context.journal.list({ path: '/oidc/.well-known/jwks.json' }).length,
    ).toBeGreaterThan(0);
    // openid-client checked the signature (non-repudiation checks) with the served JWKS.
    expect(
      mock.context.journal.list({ path: '/oidc/.well-known/jwks.json' }).length,
    ).toBeGreaterThan(0);
    const { tokens, claims, nonce } = value('codeFlow');
    expect(tokens).toMatchObject({
      token_type: 'bearer',
      scope: 'openid profile email phone offline_access',
      expires_in: appOf('RS256').tokenLifetime,
      refresh_token: expect.any(String),
    });
    expect(claims).toMatchObject({
      iss: issuer(),
      aud: appOf('RS256').id,
      sub: user().id,
      nonce,
      email: user().email,
      auth_time: expect.any(Number),
    });
  });

  it('verifies an HS256 app id_token with the app secret', () => {
    const { claims, verified, alg } = value('hsCodeFlow');
    expect(alg).toBe('HS256');
    expect(verified).toMatchObject({ sub: user().id, aud: appOf('HS256').id, iss: issuer() });
    expect(claims.sub).toBe(user().id);
  });

  it('reads userinfo with the access token', () => {
    expect(value('userinfo')).toMatchObject({
      sub: user().id,
      email: user().email,
      email_verified: true,
    });
  });

  it('refreshes with rotation: the old refresh token is refused', () => {
    const old = value('codeFlow')['tokens'];
    const next = value('refresh');
    expect(next.refresh_token).toEqual(expect.any(String));
    expect(next.refresh_token).not.toBe(old.refresh_token);
    expect(next.access_token).not.toBe(old.access_token);
    expect(failure('refreshReused')).toMatchObject({ error: 'invalid_grant', status: 400 });
  });

  it('introspects, revokes, then the access token is refused on /oidc/me and on v2', async () => {
    expect(value('introspectActive')).toMatchObject({
      active: true,
      sub: user().id,
      client_id: appOf('RS256').id,
      token_type: 'Bearer',
      iss: issuer(),
    });
    const revoked = value('revoke') as unknown as string;
    expect(failure('userinfoRevoked')).toMatchObject({ status: 401 });
    expect(value('introspectRevoked')).toEqual({ active: false });
    const v2 = await request(mock.app)
      .get('/api/v2/users/me/security-level')
      .set('authorization', `Bearer ${revoked}`);
    expect(v2.body).toMatchObject({ code: 2206 });
    // Revoking the access token leaves the refresh token alone (the SDK's logout sends only it).
    value('refreshAfterAccessRevoked');
  });

  it('grants client credentials: a token with no user', () => {
    expect(value('clientCredentials')).toMatchObject({
      token_type: 'bearer',
      scope: 'read:things',
      access_token: expect.any(String),
    });
    expect(value('clientCredentials')['id_token']).toBeUndefined();
  });

  it('grants password', () => {
    expect(value('password')).toMatchObject({ scope: 'openid email', claims: { sub: user().id } });
    expect(failure('passwordWrong')).toMatchObject({ error: 'invalid_grant' });
  });

  it('ends the session: redirects with state and revokes its tokens', () => {
    expect(value('endSession')).toMatchObject({
      status: 302,
      location: 'http://127.0.0.1:9/bye?state=bye-state',
    });
    expect(failure('refreshAfterEndSession')).toMatchObject({ error: 'invalid_grant' });
    expect(value('introspectAfterEndSession')).toEqual({ active: false });
  });
});
