/** `issueTokenSet`: the model function behind `/oidc/token` and the v3 login answers. */
import { createSecretKey } from 'node:crypto';

import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import request from 'supertest';

import { createMockServer } from '../../src';
import { issueTokenSet } from '../../src/genauth/model/oidc-tokens';
import { jwks } from '../../src/genauth/model/tokens';

const mock = createMockServer();
const g = () => mock.store.fixtures.genauth;
const pool = () => g().pools[0]!;
const hsApp = () => g().apps.find((a) => a.poolId === pool().id && a.tokenAlgorithm === 'HS256')!;
const rsApp = () => g().apps.find((a) => a.poolId === pool().id && a.tokenAlgorithm === 'RS256')!;
const user = () => g().accounts.find((a) => a.poolId === pool().id && a.email)!;

beforeEach(() => mock.reset());

describe('issueTokenSet', () => {
  it('answers the OIDC token response; the access token is a v2 user token', async () => {
    const set = await issueTokenSet(mock.context, {
      poolId: pool().id,
      appId: hsApp().id,
      userId: user().id,
      scope: 'openid profile email phone offline_access bogus',
      nonce: 'n-1',
    });
    expect(set).toEqual({
      access_token: expect.any(String),
      id_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: hsApp().tokenLifetime,
      scope: 'openid profile email phone offline_access',
    });
    const res = await request(mock.app)
      .get('/api/v2/users/me/security-level')
      .set('x-authing-app-id', hsApp().id)
      .set('authorization', `Bearer ${set.access_token}`);
    expect(res.body).toMatchObject({ code: 200 });
    const { payload } = await jwtVerify(
      set.id_token!,
      createSecretKey(Buffer.from(hsApp().secret)),
      {
        issuer: `https://${pool().domain}/oidc`,
        audience: hsApp().id,
        currentDate: new Date(mock.clock.now()),
      },
    );
    expect(payload).toMatchObject({ sub: user().id, nonce: 'n-1', email: user().email });
  });

  it('signs RS256 apps with the JWKS key, and gives no refresh token without offline_access', async () => {
    const set = await issueTokenSet(mock.context, {
      poolId: pool().id,
      appId: rsApp().id,
      userId: user().id,
      scope: 'openid',
    });
    expect(set.refresh_token).toBeUndefined();
    const { payload } = await jwtVerify(
      set.id_token!,
      createLocalJWKSet((await jwks()) as unknown as JSONWebKeySet),
      {
        audience: rsApp().id,
        currentDate: new Date(mock.clock.now()),
      },
    );
    expect(payload.sub).toBe(user().id);
    expect(payload.email).toBeUndefined();
    expect(decodeJwt(set.access_token).aud).toBe(rsApp().id);
  });
});
