import { DEMO_APPID } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import {
  createMockServer,
  fixedClock,
  type LoginInput,
  type LoginResult,
  type MockServer,
} from '../../src';
import type { MockServerOptions } from '../../src/options';

/** 2024-01-01T00:00:00Z: tests run on a frozen clock that only `advance` moves. */
export const T0 = Date.UTC(2024, 0, 1);

/**
 * A mock on a frozen clock plus helpers that drive its WeChat API over HTTP. Call it inside a `describe`: the
 * server listens for the whole block (one server per file, instead of one per request), and its
 * state and clock are reset after each test.
 */
export function wechatHarness(options: MockServerOptions = {}) {
  const mock: MockServer = createMockServer({ clock: fixedClock(T0), ...options });
  beforeAll(() => mock.start(0));
  afterAll(() => mock.stop());
  afterEach(() => {
    mock.reset();
    mock.clock.reset();
  });
  const http = () => request(mock.url);
  const secretOf = (appid: string) => mock.store.wechat.apps.get(appid)!.secret;

  /** `wx.login` on the simulated WeChat client (`mock.control`). */
  function login(appid = DEMO_APPID, extra: Omit<LoginInput, 'appid'> = {}): LoginResult {
    return mock.control.wechat.login({ appid, ...extra });
  }

  /** `GET /sns/jscode2session` with the right secret unless overridden. */
  function exchange(code: string, appid = DEMO_APPID, secret = secretOf(appid)) {
    return http()
      .get('/sns/jscode2session')
      .query({ appid, secret, js_code: code, grant_type: 'authorization_code' });
  }

  /** A fresh `cgi-bin/token` access token of `appid`. */
  async function accessToken(appid = DEMO_APPID): Promise<string> {
    const res = await http()
      .get('/cgi-bin/token')
      .query({ grant_type: 'client_credential', appid, secret: secretOf(appid) })
      .expect(200);
    return (res.body as { access_token: string }).access_token;
  }

  /** The whole state as JSON text (compare before/after to prove nothing changed). */
  const stateText = () => JSON.stringify(mock.store.snapshot());

  return { mock, http, secretOf, login, exchange, accessToken, stateText };
}

/** Asserts a WeChat error body: HTTP 200, `errcode`, errmsg + `, rid: <time hex>-<8>-<8>`. */
export function expectWechatError(
  res: { status: number; body: unknown },
  errcode: number,
  mock?: MockServer,
): void {
  expect(res.status).toBe(200);
  const body = res.body as { errcode: number; errmsg: string };
  expect(body.errcode).toBe(errcode);
  expect(Object.keys(body).sort()).toEqual(['errcode', 'errmsg']);
  const match = /, rid: ([0-9a-f]{8})-[0-9a-f]{8}-[0-9a-f]{8}$/.exec(body.errmsg);
  expect(match).not.toBeNull();
  if (mock) expect(parseInt(match![1]!, 16)).toBe(mock.clock.nowSeconds());
}
