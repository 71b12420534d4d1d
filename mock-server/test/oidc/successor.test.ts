/**
 * The successor SDK's exact OIDC requests (successor-v3 §4): refresh with the app header and
 * auth method `none`, revocation with `client_id` only; answers as §4 says.
 */
import request from 'supertest';

import { createMockServer } from '../../src';
import { fixturesOf, passwordTokens } from './kit';

const mock = createMockServer();
beforeEach(() => mock.reset());

const SDK_HEADERS = { 'x-authing-request-from': 'sdk-miniapp', 'x-authing-sdk-version': '5.1.21' };

describe('§4.1 refresh: POST /oidc/token', () => {
  it('identifies the app by x-authing-app-id, takes redirect_uri= empty, and rotates', async () => {
    const { hs } = fixturesOf(mock);
    const first = await passwordTokens(mock, hs.id, 'openid profile offline_access');
    const res = await request(mock.app)
      .post('/oidc/token')
      .set(SDK_HEADERS)
      .set('x-authing-app-id', hs.id)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(`grant_type=refresh_token&redirect_uri=&refresh_token=${first.refresh_token}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      access_token: expect.any(String),
      id_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: hs.tokenLifetime,
      scope: 'openid profile offline_access',
    });
    expect(res.body.refresh_token).not.toBe(first.refresh_token);
    // The new access token works on v2; the old refresh token is spent.
    const v2 = await request(mock.app)
      .get('/api/v2/users/me/security-level')
      .set('x-authing-app-id', hs.id)
      .set('authorization', res.body.access_token);
    expect(v2.body).toMatchObject({ code: 200 });
    const again = await request(mock.app)
      .post('/oidc/token')
      .set('x-authing-app-id', hs.id)
      .type('form')
      .send(`grant_type=refresh_token&redirect_uri=&refresh_token=${first.refresh_token}`);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
  });

  it("refuses another app's refresh token", async () => {
    const { hs, rs } = fixturesOf(mock);
    const first = await passwordTokens(mock, hs.id);
    const res = await request(mock.app)
      .post('/oidc/token')
      .set('x-authing-app-id', rs.id)
      .type('form')
      .send(`grant_type=refresh_token&redirect_uri=&refresh_token=${first.refresh_token}`);
    expect(res.body).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('§4.2 logout: POST /oidc/token/revocation', () => {
  it('answers 200 with an empty body; the access token then fails on v2 (2206) and /oidc/me', async () => {
    const { hs } = fixturesOf(mock);
    const set = await passwordTokens(mock, hs.id);
    const me = () =>
      request(mock.app).get('/oidc/me').set('authorization', `Bearer ${set.access_token}`);
    expect((await me()).status).toBe(200);
    const res = await request(mock.app)
      .post('/oidc/token/revocation')
      .set(SDK_HEADERS)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(`client_id=${hs.id}&token=${set.access_token}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers['content-length']).toBe('0');
    const v2 = await request(mock.app)
      .get('/api/v2/users/me/security-level')
      .set('x-authing-app-id', hs.id)
      .set('authorization', set.access_token);
    expect(v2.body).toMatchObject({ code: 2206 });
    const after = await me();
    expect(after.status).toBe(401);
    expect(after.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
    expect(after.body).toMatchObject({ error: 'invalid_token' });
  });

  it('answers 200 for unknown tokens too, and honours token_type_hint', async () => {
    const { hs } = fixturesOf(mock);
    const set = await passwordTokens(mock, hs.id);
    const revoke = (body: string) =>
      request(mock.app).post('/oidc/token/revocation').type('form').send(body);
    expect((await revoke(`client_id=${hs.id}&token=nope`)).status).toBe(200);
    const hinted = await revoke(
      `client_id=${hs.id}&token=${set.refresh_token}&token_type_hint=refresh_token`,
    );
    expect(hinted.status).toBe(200);
    const refresh = await request(mock.app)
      .post('/oidc/token')
      .type('form')
      .send({ grant_type: 'refresh_token', client_id: hs.id, refresh_token: set.refresh_token });
    expect(refresh.body).toMatchObject({ error: 'invalid_grant' });
    // The access token of the set still works: only the refresh token was revoked.
    const me = await request(mock.app)
      .get('/oidc/me')
      .set('authorization', `Bearer ${set.access_token}`);
    expect(me.status).toBe(200);
  });
});
