/** Helpers of the OIDC provider tests (supertest on `mock.app`). */
import { createHash, randomBytes } from 'node:crypto';

import request from 'supertest';

import type { MockServer } from '../../src';

/** The default pool, its HS256 and RS256 apps and a demo account with e-mail and password. */
export function fixturesOf(mock: MockServer) {
  const g = mock.store.fixtures.genauth;
  const pool = g.pools[0]!;
  const app = (alg: 'HS256' | 'RS256') =>
    g.apps.find((a) => a.poolId === pool.id && a.tokenAlgorithm === alg)!;
  const user = g.accounts.find((a) => a.poolId === pool.id && a.email && a.password)!;
  return { pool, hs: app('HS256'), rs: app('RS256'), user, issuer: `https://${pool.domain}/oidc` };
}

/** A PKCE verifier and its S256 challenge. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const REDIRECT = 'http://127.0.0.1:9/cb';

/** Runs the authorization endpoint; resolves to the code it redirected with. */
export async function authorize(
  mock: MockServer,
  clientId: string,
  extra: Record<string, string> = {},
): Promise<string> {
  const { user } = fixturesOf(mock);
  const res = await request(mock.app)
    .get('/oidc/auth')
    .query({
      client_id: clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid profile offline_access',
      login_hint: user.email!,
      ...extra,
    });
  expect(res.status).toBe(302);
  const code = new URL(res.headers['location'] as string).searchParams.get('code');
  expect(code).toEqual(expect.any(String));
  return code!;
}

/** A token set of the demo user at `clientId` through the password grant (form body). */
export async function passwordTokens(
  mock: MockServer,
  clientId: string,
  scope = 'openid profile email phone offline_access',
) {
  const { user } = fixturesOf(mock);
  const res = await request(mock.app).post('/oidc/token').type('form').send({
    grant_type: 'password',
    client_id: clientId,
    username: user.email!,
    password: user.password!,
    scope,
  });
  expect(res.status).toBe(200);
  return res.body as {
    access_token: string;
    id_token: string;
    refresh_token: string;
    expires_in: number;
    scope: string;
  };
}
