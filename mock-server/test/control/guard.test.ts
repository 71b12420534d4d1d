/**
 * The control surface's Host and Origin checks over real HTTP (a mock on a free loopback port):
 * DNS rebinding and cross-site requests are refused before any body is read, the mock's own
 * names and origins pass, the allow-lists widen them, and the WeChat and GenAuth APIs are open.
 */
import { DEMO_APPID } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { createMockServer, fixedClock, type MockServer } from '../../src';
import type { MockServerOptions } from '../../src/options';

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

function serve(options: MockServerOptions = {}) {
  const mock: MockServer = createMockServer({ clock: fixedClock(T0), ...options });
  beforeAll(() => mock.start(0));
  afterAll(() => mock.stop());
  afterEach(() => mock.clock.reset());
  const http = () => request(mock.url);
  const port = () => new URL(mock.url).port;
  return { mock, http, port };
}

describe('control guard: Host (DNS rebinding)', () => {
  const { http, port } = serve();

  it.each(['evil.example', `evil.example:${3000}`, 'api.weixin.qq.com', 'localhost.evil.example'])(
    'refuses Host %s with 403 bad_host',
    async (host) => {
      const res = await http().get('/__mock/v1/state').set('Host', host).expect(403);
      expect(res.body).toEqual({ error: 'bad_host', message: expect.stringContaining(host) });
      expect(res.body.message).toContain('--allowed-host');
    },
  );

  it('refuses a rebinding page on the mock port: the secrets stay unread', async () => {
    const res = await http().get('/__mock/v1/state').set('Host', `evil.example:${port()}`);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it.each([
    '127.0.0.1:PORT',
    'localhost:PORT',
    'LOCALHOST',
    'console.localhost:PORT',
    '[::1]:8080',
    '127.1.2.3',
    '10.231.0.1:PORT',
  ])('accepts loopback names and IP addresses, any port: %s', async (host) => {
    await http().get('/__mock/v1/clock').set('Host', host.replace('PORT', port())).expect(200);
  });

  it('refuses a malformed Host', async () => {
    for (const host of ['evil.example:port', 'a b', '[::1', '']) {
      const res = await http().get('/__mock/v1/clock').set('Host', host);
      expect([host, res.status, res.body.error]).toEqual([host, 403, 'bad_host']);
    }
  });
});

describe('control guard: allowed hosts and the configured host', () => {
  const { http } = serve({ host: 'localhost', allowedHosts: ['Mock.Test', 'dev.example.'] });

  it.each(['mock.test', 'MOCK.TEST:80', 'dev.example:3000', 'localhost'])(
    'accepts %s',
    async (host) => {
      await http().get('/__mock/v1/clock').set('Host', host).expect(200);
    },
  );

  it('still refuses other names', async () => {
    const res = await http().get('/__mock/v1/clock').set('Host', 'other.test').expect(403);
    expect(res.body.error).toBe('bad_host');
  });
});

describe('control guard: Origin (CSRF)', () => {
  const { mock, http, port } = serve();
  const advance = JSON.stringify({ advanceMs: HOUR });

  it('refuses a cross-site text/plain POST to /clock and leaves the clock alone', async () => {
    const res = await http()
      .post('/__mock/v1/clock')
      .set('Origin', 'http://evil.example')
      .set('Content-Type', 'text/plain')
      .send(advance)
      .expect(403);
    expect(res.body).toEqual({
      error: 'cross_origin',
      message: expect.stringContaining('Origin "http://evil.example"'),
    });
    expect(mock.clock.now()).toBe(T0);
  });

  it.each([
    ['a null Origin', { Origin: 'null' }],
    ['another port of localhost', { Origin: 'http://localhost:5173' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    [
      'a same-origin Origin marked cross-site',
      { Origin: 'http://127.0.0.1', 'Sec-Fetch-Site': 'cross-site' },
    ],
  ])('refuses %s', async (_what, headers) => {
    const res = await http()
      .post('/__mock/v1/clock')
      .set(headers)
      .set('Content-Type', 'text/plain')
      .send(advance)
      .expect(403);
    expect(res.body.error).toBe('cross_origin');
    expect(mock.clock.now()).toBe(T0);
  });

  it('refuses cross-site reads of the state', async () => {
    const res = await http().get('/__mock/v1/state').set('Origin', 'https://evil.example');
    expect([res.status, res.body.error]).toEqual([403, 'cross_origin']);
  });

  it("accepts the mock's own origin, as its Host names it", async () => {
    await http()
      .post('/__mock/v1/clock')
      .set('Origin', `http://127.0.0.1:${port()}`)
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Content-Type', 'text/plain')
      .send(advance)
      .expect(200);
    expect(mock.clock.now()).toBe(T0 + HOUR);
    await http()
      .get('/__mock/v1/clock')
      .set('Host', `localhost:${port()}`)
      .set('Origin', `http://localhost:${port()}`)
      .expect(200);
  });

  it('accepts requests without Origin (curl, SDKs, Node)', async () => {
    await http().post('/__mock/v1/clock').send({ advanceMs: HOUR }).expect(200);
    expect(mock.clock.now()).toBe(T0 + HOUR);
  });
});

describe('control guard: allowed origins', () => {
  const { mock, http } = serve({
    allowedOrigins: ['http://localhost:5173/', 'https://console.example:443'],
  });

  it.each(['http://localhost:5173', 'https://console.example'])('accepts %s', async (origin) => {
    await http()
      .post('/__mock/v1/clock')
      .set('Origin', origin)
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ advanceMs: HOUR })
      .expect(200);
    expect(mock.clock.now()).toBe(T0 + HOUR);
  });

  it('still refuses other origins', async () => {
    const res = await http().get('/__mock/v1/clock').set('Origin', 'http://localhost:5174');
    expect([res.status, res.body.error]).toEqual([403, 'cross_origin']);
  });
});

describe('control guard: loopback clients and the admin token', () => {
  const { http } = serve({ adminToken: 'loopback-needs-none' });

  it('lets a loopback client in without a token, or with a wrong one', async () => {
    await http().get('/__mock/v1/clock').expect(200);
    await http().get('/__mock/v1/clock').set('Authorization', 'Bearer wrong-token').expect(200);
  });
});

describe('control guard: the WeChat and GenAuth APIs stay open', () => {
  const { mock, http } = serve();
  const foreign = { Host: 'api.weixin.qq.com', Origin: 'https://evil.example' };

  it('answers jscode2session for any Host and Origin', async () => {
    const { code } = mock.control.wechat.login({ appid: DEMO_APPID });
    const secret = mock.store.wechat.apps.get(DEMO_APPID)!.secret;
    const res = await http()
      .get('/sns/jscode2session')
      .query({ appid: DEMO_APPID, secret, js_code: code, grant_type: 'authorization_code' })
      .set(foreign)
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(200);
    expect(res.body).toHaveProperty('openid');
  });

  it('answers GenAuth routes for any Host and Origin', async () => {
    const res = await http()
      .get('/api/v2/.well-known')
      .set({ ...foreign, Host: 'core.genauth.ai' })
      .expect(200);
    expect(res.body.data).toHaveProperty('publicKey');
  });

  it('answers unknown paths as before', async () => {
    await http().get('/nowhere').set(foreign).expect(404);
  });
});
