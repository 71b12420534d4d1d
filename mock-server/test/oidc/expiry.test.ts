/** The provider on the mock clock: codes, access and refresh tokens expire; state stays bounded. */
import request from 'supertest';

import { createMockServer } from '../../src';
import { oidcState } from '../../src/genauth/model/oidc-state';
import { CHECK, gql, login } from '../genauth/kit';
import { authorize, fixturesOf, passwordTokens, REDIRECT } from './kit';

const mock = createMockServer();
const app = () => request(mock.app);
const f = () => fixturesOf(mock);
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const redeem = (code: string) =>
  app()
    .post('/oidc/token')
    .set('authorization', basic(f().hs.id, f().hs.secret))
    .type('form')
    .send({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
const refresh = (token: string) =>
  app()
    .post('/oidc/token')
    .type('form')
    .send({ grant_type: 'refresh_token', client_id: f().hs.id, refresh_token: token });

beforeEach(() => {
  mock.reset();
  mock.clock.reset();
});

describe('expiry on the mock clock', () => {
  it('a code lives 10 minutes; expired codes leave the index', async () => {
    const late = await authorize(mock, f().hs.id);
    mock.clock.advance(10 * 60 * 1000);
    expect((await redeem(late)).body).toMatchObject({ error: 'invalid_grant' });
    const fresh = await authorize(mock, f().hs.id);
    expect(oidcState(mock.context).codes.size).toBe(1);
    mock.clock.advance(10 * 60 * 1000 - 1000);
    expect((await redeem(fresh)).status).toBe(200);
  });

  it('the access token expires at the app lifetime, the refresh token after 30 days', async () => {
    const set = await passwordTokens(mock, f().hs.id);
    const me = () => app().get('/oidc/me').set('authorization', `Bearer ${set.access_token}`);
    mock.clock.advance(set.expires_in * 1000 - 1000);
    expect((await me()).status).toBe(200);
    mock.clock.advance(1000);
    expect((await me()).status).toBe(401);
    mock.clock.advance((30 * 24 * 3600 - set.expires_in - 1) * 1000);
    const next = await refresh(set.refresh_token);
    expect(next.status).toBe(200);
    mock.clock.advance(30 * 24 * 3600 * 1000);
    expect((await refresh(next.body.refresh_token)).body).toMatchObject({ error: 'invalid_grant' });
    const state = oidcState(mock.context);
    state.refreshTokens.sweep();
    state.accessTokens.sweep();
    state.sessions.sweep();
    expect([state.refreshTokens.size, state.accessTokens.size, state.sessions.size]).toEqual([
      0, 0, 0,
    ]);
  });

  it('a reset forgets every code and token', async () => {
    const set = await passwordTokens(mock, f().hs.id);
    mock.reset();
    expect((await refresh(set.refresh_token)).body).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('one token model with v2', () => {
  it('a v2 login token works on /oidc/me and at introspection', async () => {
    const session = await login(mock);
    const me = await app().get('/oidc/me').set('authorization', `Bearer ${session.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ sub: session.id, email: f().user.email });
    const info = await app()
      .post('/oidc/token/introspection')
      .set('authorization', basic(f().hs.id, f().hs.secret))
      .type('form')
      .send({ token: session.token });
    expect(info.body).toMatchObject({
      active: true,
      sub: session.id,
      scope: 'openid profile email phone',
    });
  });

  it('a token from /oidc/token passes checkLoginStatus, and not once revoked', async () => {
    const set = await passwordTokens(mock, f().hs.id);
    const headers = { 'x-authing-app-id': f().hs.id };
    expect((await gql(mock, CHECK, { token: set.access_token }, headers)).data).toMatchObject({
      checkLoginStatus: { code: 200, status: true },
    });
    await app()
      .post('/oidc/token/revocation')
      .type('form')
      .send({ client_id: f().hs.id, token: set.access_token })
      .expect(200);
    expect((await gql(mock, CHECK, { token: set.access_token }, headers)).data).toMatchObject({
      checkLoginStatus: { code: 2206, status: false },
    });
  });

  it("introspection of another pool's token is inactive", async () => {
    const g = mock.store.fixtures.genauth;
    const other = g.apps.find((a) => a.poolId !== f().pool.id)!;
    const set = await passwordTokens(mock, f().hs.id);
    const info = await app()
      .post('/oidc/token/introspection')
      .type('form')
      .send({ client_id: other.id, client_secret: other.secret, token: set.access_token });
    expect(info.body).toEqual({ active: false });
  });
});
