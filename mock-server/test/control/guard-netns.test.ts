/**
 * The control guard against a genuine non-loopback client: mocks bound to 0.0.0.0, called from a
 * network namespace over a veth pair (see ./netns.ts). Without a token the control surface
 * refuses it; with one it wants the right bearer; the WeChat API answers it either way; loopback
 * clients of the same servers need nothing. Skipped, saying why, without root or `ip netns`.
 */
import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import {
  ControlError,
  createControlClient,
  createMockServer,
  fixedClock,
  type MockServer,
} from '../../src';
import { NetNs, type NsRequest } from './netns';

const T0 = Date.UTC(2024, 0, 1);
const TOKEN = 'netns-admin-token-4711';

const setup = NetNs.create();
const ns = setup.ok ? setup.ns : undefined;
if (!setup.ok) {
  console.warn(`guard-netns: skipping the non-loopback client tests: ${setup.reason}`);
}
afterAll(() => ns?.remove());
// A crashed worker skips afterAll; the namespace must not outlive it.
process.once('exit', () => ns?.remove());

const describeNs = ns ? describe : describe.skip;

describeNs('control guard: a client from another address (network namespace)', () => {
  const net = ns as NetNs;
  const open = createMockServer({ host: '0.0.0.0', clock: fixedClock(T0) });
  const guarded = createMockServer({ host: '0.0.0.0', clock: fixedClock(T0), adminToken: TOKEN });
  beforeAll(() => Promise.all([open.start(0), guarded.start(0)]));
  afterAll(() => Promise.all([open.stop(), guarded.stop()]));

  /** `path` on `mock` at the veth address, as the namespace sees it. */
  const at = (mock: MockServer, path: string) =>
    `http://${net.hostAddress}:${new URL(mock.url).port}${path}`;

  const jscode2session = (mock: MockServer): NsRequest => {
    const { code } = mock.control.wechat.login({ appid: DEMO_APPID });
    const secret = mock.store.wechat.apps.get(DEMO_APPID)!.secret;
    const query = `appid=${DEMO_APPID}&secret=${secret}&js_code=${code}&grant_type=authorization_code`;
    return { url: at(mock, `/sns/jscode2session?${query}`) };
  };

  it('refuses the control surface without a configured token; WeChat still answers', async () => {
    const [state, bearer, clock, wechat] = await net.fetch([
      { url: at(open, '/__mock/v1/state') },
      { url: at(open, '/__mock/v1/state'), headers: { authorization: `Bearer ${TOKEN}` } },
      { url: at(open, '/__mock/v1/clock'), method: 'POST', body: '{"advanceMs":3600000}' },
      jscode2session(open),
    ]);
    const forbidden = {
      status: 403,
      body: {
        error: 'admin_forbidden',
        message:
          'the control surface answers loopback clients only; start the mock with --admin-token to allow others',
      },
      wwwAuthenticate: null,
    };
    expect(state).toEqual(forbidden);
    expect(bearer).toEqual(forbidden);
    expect(clock).toEqual(forbidden);
    expect(open.clock.now()).toBe(T0);
    expect(wechat?.status).toBe(200);
    expect(wechat?.body).toHaveProperty('openid');
    expect(wechat?.body).toHaveProperty('session_key');
  });

  it('with --admin-token: 401 without or with a wrong bearer, the state with the right one', async () => {
    const url = at(guarded, '/__mock/v1/state');
    const [none, wrong, basic, right, wechat] = await net.fetch([
      { url },
      { url, headers: { authorization: 'Bearer netns-admin-token-4712' } },
      { url, headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` } },
      { url, headers: { authorization: `Bearer ${TOKEN}` } },
      jscode2session(guarded),
    ]);
    for (const [answer, message] of [
      [none, 'send the admin token as Authorization: Bearer <token>'],
      [wrong, 'the admin token is wrong'],
      [basic, 'send the admin token as Authorization: Bearer <token>'],
    ] as const) {
      expect(answer).toEqual({
        status: 401,
        body: { error: 'admin_unauthorized', message },
        wwwAuthenticate: 'Bearer',
      });
    }
    expect(right?.status).toBe(200);
    const secret = guarded.store.wechat.apps.get(DEMO_APPID)!.secret;
    expect(JSON.stringify(right?.body)).toContain(secret);
    expect(wechat?.status).toBe(200);
    expect(wechat?.body).toHaveProperty('openid');
  });

  it('still applies the Origin check to a client with the right token', async () => {
    const [answer] = await net.fetch([
      {
        url: at(guarded, '/__mock/v1/clock'),
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, origin: 'http://evil.example' },
        body: '{"advanceMs":3600000}',
      },
    ]);
    expect([answer?.status, (answer?.body as { error?: string }).error]).toEqual([
      403,
      'cross_origin',
    ]);
    expect(guarded.clock.now()).toBe(T0);
  });

  it("treats this machine's own veth address as another address; the client's token option sends the token", async () => {
    const url = at(guarded, '');
    const bare = createControlClient(url);
    await expect(bare.clock.get()).rejects.toMatchObject({
      constructor: ControlError,
      status: 401,
      error: 'admin_unauthorized',
    });
    await expect(
      createControlClient(url, { token: 'wrong-token-0' }).clock.get(),
    ).rejects.toMatchObject({
      status: 401,
      message: 'the admin token is wrong',
    });
    const control = createControlClient(url, { token: TOKEN });
    expect(await control.clock.advance(60_000)).toEqual({
      now: T0 + 60_000,
      iso: expect.any(String),
    });
    guarded.clock.reset();
  });

  it('lets loopback clients of the same servers in without a token', async () => {
    for (const mock of [open, guarded]) {
      const res = await fetch(`http://127.0.0.1:${new URL(mock.url).port}/__mock/v1/clock`);
      expect(res.status).toBe(200);
    }
  });
});
