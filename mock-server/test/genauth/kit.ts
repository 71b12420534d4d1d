/** Helpers for the GenAuth route tests (supertest on `mock.app`, no listening socket). */
import request from 'supertest';

import type { MockServer } from '../../src';
import { PASSWORD_PUBLIC_KEY } from '../../src/genauth/keys';
import { encryptPassword } from '../official/mockkit';

export type Headers = Record<string, string>;

/** Headers naming the default pool and app (as the wxapp REST client sends them). */
export function poolHeaders(mock: MockServer, index = 0): Headers {
  const g = mock.store.fixtures.genauth;
  const pool = g.pools[index]!;
  const app = g.apps.find((a) => a.poolId === pool.id)!;
  return { 'x-authing-userpool-id': pool.id, 'x-authing-app-id': app.id };
}

/** POSTs a GraphQL document; resolves to the parsed body (always HTTP 200). */
export async function gql(
  mock: MockServer,
  query: string,
  variables: object = {},
  headers: Headers = {},
) {
  const res = await request(mock.app).post('/graphql/v2').set(headers).send({ query, variables });
  expect(res.status).toBe(200);
  return res.body as {
    data?: Record<string, unknown> | null;
    errors?: {
      message: { code: number; message: string; data: unknown };
      path?: string[];
      extensions: { code: string };
    }[];
  };
}

/** The RSA ciphertext of `plain` under the bundled key. */
export const rsa = (plain: string) => encryptPassword(plain, PASSWORD_PUBLIC_KEY);

export const LOGIN_BY_EMAIL = `mutation loginByEmail($input: LoginByEmailInput!) { loginByEmail(input: $input) { id token } }`;
export const USER = `query user($id: String) { user(id: $id) { id email nickname } }`;
export const CHECK = `query checkLoginStatus($token: String) { checkLoginStatus(token: $token) { code message status exp iat data { id userPoolId arn } } }`;

/** Logs a fixture account in; resolves to its token. */
export async function login(
  mock: MockServer,
  accountIndex = 0,
): Promise<{ token: string; id: string; headers: Headers }> {
  const a = mock.store.fixtures.genauth.accounts[accountIndex]!;
  const poolIndex = mock.store.fixtures.genauth.pools.findIndex((p) => p.id === a.poolId);
  const headers = poolHeaders(mock, poolIndex);
  const body = await gql(
    mock,
    LOGIN_BY_EMAIL,
    { input: { email: a.email, password: rsa(a.password!) } },
    headers,
  );
  const user = body.data?.['loginByEmail'] as { id: string; token: string };
  return {
    token: user.token,
    id: user.id,
    headers: { ...headers, authorization: `Bearer ${user.token}` },
  };
}

/** The state as JSON, to prove a rejected request changed nothing. */
export const stateOf = (mock: MockServer) => JSON.stringify({ ...mock.store.snapshot(), now: 0 });
