import request from 'supertest';

import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';

import { CONTROL_ROUTES, createMockServer } from '../../src';

describe('GET /__mock/v1: the index of the control routes', () => {
  const mock = createMockServer();
  const http = () => request(mock.app);

  it('lists every control route with its method and a one-line summary', async () => {
    for (const path of ['/__mock/v1', '/__mock/v1/']) {
      const res = await http().get(path).expect(200).expect('content-type', /json/);
      expect(res.body).toEqual({ routes: CONTROL_ROUTES });
    }
    for (const r of CONTROL_ROUTES) {
      expect(r).toEqual({
        method: expect.stringMatching(/^(GET|POST|PUT|PATCH|DELETE)$/),
        path: expect.stringMatching(/^\//),
        summary: expect.stringMatching(/^[^\n]{10,100}$/),
      });
    }
    expect(new Set(CONTROL_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(
      CONTROL_ROUTES.length,
    );
  });

  it.each(CONTROL_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s is served (not a 404 not_found, never a 500)',
    async (_name, r) => {
      const url = `/__mock/v1${r.path === '/' ? '' : r.path}`;
      const req =
        r.method === 'GET'
          ? http().get(url)
          : r.method === 'POST'
            ? http().post(url).send({})
            : r.method === 'PUT'
              ? http().put(url).send({})
              : r.method === 'PATCH'
                ? http().patch(url).send({})
                : http().delete(url);
      const res = await req;
      expect(res.status).toBeLessThan(500);
      expect(res.body.error).not.toBe('not_found');
      if (res.status >= 400)
        expect(res.body).toEqual({ error: expect.any(String), message: expect.any(String) });
    },
  );

  it('answers a wrong method with a 404 {error, message}', async () => {
    for (const method of ['post', 'put', 'delete'] as const) {
      const res = await http()[method]('/__mock/v1').expect(404);
      expect(res.body).toMatchObject({ error: 'not_found', message: expect.any(String) });
    }
    const demo = await http().post('/__mock/v1/demo').send({}).expect(404);
    expect(demo.body).toMatchObject({
      error: 'not_found',
      message: 'No route for POST /__mock/v1/demo',
    });
  });

  it('GET /demo answers the demo section of the state', async () => {
    const demo = await http().get('/__mock/v1/demo').expect(200);
    const state = await http().get('/__mock/v1/state').expect(200);
    expect(demo.body).toEqual(state.body.demo);
    expect(demo.body).toMatchObject({ userPoolId: expect.any(String), apps: expect.any(Array) });
  });

  it('names the demo WeChat user in the state, next to the demo pool and apps', async () => {
    const state = await http().get('/__mock/v1/state').expect(200);
    expect(state.body.demo.wechat).toEqual({
      appid: DEMO_APPID,
      openid: DEMO_OPENID,
      unionid: expect.any(String),
      sessionKey: DEMO_SESSION_KEY,
    });
    const { code } = mock.control.wechat.login(state.body.demo.wechat);
    const app = mock.store.fixtures.wechat.apps.find((a) => a.appid === DEMO_APPID)!;
    const session = await http()
      .get('/sns/jscode2session')
      .query({
        appid: DEMO_APPID,
        secret: app.secret,
        js_code: code,
        grant_type: 'authorization_code',
      })
      .expect(200);
    expect(session.body).toMatchObject({ openid: DEMO_OPENID });
  });

  it('GET /demo is a 404 no_demo when the fixtures have no user pool', async () => {
    const fixtures = structuredClone(mock.store.fixtures);
    fixtures.genauth.pools = [];
    const res = await request(createMockServer({ fixtures }).app)
      .get('/__mock/v1/demo')
      .expect(404);
    expect(res.body).toEqual({ error: 'no_demo', message: expect.any(String) });
  });
});
