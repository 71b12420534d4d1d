/** The introspection client authentication method of each app (`introspectionAuthMethod`). */
import { createFixtures, type IntrospectionAuthMethod } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { createMockServer } from '../../src';
import { passwordTokens } from './kit';

const fixtures = createFixtures();
const poolId = fixtures.genauth.pools[0]!.id;
const [hs, rs] = fixtures.genauth.apps.filter((a) => a.poolId === poolId) as [
  (typeof fixtures.genauth.apps)[number],
  (typeof fixtures.genauth.apps)[number],
];
const methods: Record<string, IntrospectionAuthMethod> = {
  [hs.id]: 'none',
  [rs.id]: 'client_secret_basic',
};
const mock = createMockServer({
  fixtures: {
    ...fixtures,
    genauth: {
      ...fixtures.genauth,
      apps: fixtures.genauth.apps.map((a) =>
        methods[a.id] ? { ...a, introspectionAuthMethod: methods[a.id] } : a,
      ),
    },
  },
});
const plain = createMockServer();
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

beforeEach(() => mock.reset());

const introspect = (body: object, auth?: string) => {
  const req = request(mock.app).post('/oidc/token/introspection').type('form');
  return (auth ? req.set('authorization', auth) : req).send(body);
};

describe('an app set to none', () => {
  it('introspects with client_id alone: active, then inactive once revoked', async () => {
    const set = await passwordTokens(mock, hs.id);
    const live = await introspect({ client_id: hs.id, token: set.access_token });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ active: true, client_id: hs.id, token_type: 'Bearer' });
    expect(live.body.sub).toEqual(expect.any(String));
    await request(mock.app)
      .post('/oidc/token/revocation')
      .type('form')
      .send({ client_id: hs.id, token: set.access_token })
      .expect(200);
    const gone = await introspect({ client_id: hs.id, token: set.access_token });
    expect(gone.body).toEqual({ active: false });
  });

  it('takes the x-authing-app-id header as the client id', async () => {
    const set = await passwordTokens(mock, hs.id);
    const res = await request(mock.app)
      .post('/oidc/token/introspection')
      .set('x-authing-app-id', hs.id)
      .type('form')
      .send({ token: set.access_token });
    expect(res.body).toMatchObject({ active: true });
  });

  it('refuses a secret, posted or Basic: invalid_client', async () => {
    for (const res of [
      await introspect({ client_id: hs.id, client_secret: hs.secret, token: 't' }),
      await introspect({ token: 't' }, basic(hs.id, hs.secret)),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
      expect(res.body).toEqual({
        error: 'invalid_client',
        error_description: expect.stringMatching(/by none, not client_secret_/),
      });
    }
  });

  it('still refuses an unknown client_id', async () => {
    const res = await introspect({ client_id: 'nope', token: 't' });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });
});

describe('an app set to client_secret_basic', () => {
  it('takes Basic and refuses the posted secret and none', async () => {
    const set = await passwordTokens(mock, rs.id);
    const ok = await introspect({ token: set.access_token }, basic(rs.id, rs.secret));
    expect(ok.body).toMatchObject({ active: true, client_id: rs.id });
    const post = await introspect({ client_id: rs.id, client_secret: rs.secret, token: 't' });
    expect(post.status).toBe(401);
    expect(post.body.error_description).toMatch(/client_secret_basic, not client_secret_post/);
    const none = await introspect({ client_id: rs.id, token: 't' });
    expect(none.status).toBe(401);
    expect(none.body.error_description).toBe('client authentication is required');
  });

  it('refuses a wrong secret as before', async () => {
    const res = await introspect({ token: 't' }, basic(rs.id, 'wrong'));
    expect(res.status).toBe(401);
    expect(res.body.error_description).toBe('client authentication failed');
  });
});

describe('an app without the setting (the default dataset)', () => {
  it('takes either secret method and refuses none', async () => {
    const app = plain.store.fixtures.genauth.apps[0]!;
    const set = await passwordTokens(plain, app.id);
    const post = await request(plain.app)
      .post('/oidc/token/introspection')
      .type('form')
      .send({ client_id: app.id, client_secret: app.secret, token: set.access_token });
    expect(post.body).toMatchObject({ active: true });
    const viaBasic = await request(plain.app)
      .post('/oidc/token/introspection')
      .set('authorization', basic(app.id, app.secret))
      .type('form')
      .send({ token: set.access_token });
    expect(viaBasic.body).toMatchObject({ active: true });
    const none = await request(plain.app)
      .post('/oidc/token/introspection')
      .type('form')
      .send({ client_id: app.id, token: set.access_token });
    expect(none.status).toBe(401);
  });
});

describe('discovery', () => {
  const discover = (server: typeof mock, headers: Record<string, string>) =>
    request(server.app).get('/oidc/.well-known/openid-configuration').set(headers);

  it("lists the named app's introspection method, or every method for the pool", async () => {
    const of = async (server: typeof mock, headers: Record<string, string>) =>
      (await discover(server, headers)).body.introspection_endpoint_auth_methods_supported;
    expect(await of(mock, { 'x-authing-app-id': hs.id })).toEqual(['none']);
    expect(await of(mock, { 'x-authing-app-id': rs.id })).toEqual(['client_secret_basic']);
    expect(await of(plain, { 'x-authing-app-id': hs.id })).toEqual([
      'client_secret_post',
      'client_secret_basic',
    ]);
    expect(await of(mock, { 'x-authing-userpool-id': poolId })).toEqual([
      'none',
      'client_secret_post',
      'client_secret_basic',
    ]);
  });
});
