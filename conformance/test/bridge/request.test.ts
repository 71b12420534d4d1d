import { createServer } from 'node:net';

import { createWxBridge, type WxBridge, type WxResult } from '../../src/bridge';
import { startEchoServer, type Echo } from '../support/echo-server';

type Res = WxResult & {
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies: string[];
};

let echo: Awaited<ReturnType<typeof startEchoServer>>;
let bridge: WxBridge;

/** Runs `wx.request` with callbacks and resolves with whichever callback fired. */
function call(
  options: Record<string, unknown>,
): Promise<{ ok: boolean; res: Res; completed: boolean }> {
  return new Promise((resolve) => {
    let outcome: { ok: boolean; res: Res } | undefined;
    bridge.api.request!({
      ...options,
      success: (res: Res) => (outcome = { ok: true, res }),
      fail: (res: Res) => (outcome = { ok: false, res }),
      complete: () => resolve({ ...outcome!, completed: true }),
    } as never);
  });
}

beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.stop());
beforeEach(() => {
  bridge = createWxBridge({ baseUrl: echo.url, appid: 'wx0000000000000000' });
});

describe('wx.request', () => {
  test('POST sends the object as JSON with the default content-type and parses the JSON answer', async () => {
    const { ok, res, completed } = await call({
      url: `${echo.url}/a`,
      method: 'post',
      data: { x: 1, y: 'é' },
    });
    expect(ok).toBe(true);
    expect(completed).toBe(true);
    expect(res.errMsg).toBe('request:ok');
    expect(res.statusCode).toBe(200);
    const seen = res.data as Echo;
    expect(seen.method).toBe('POST');
    expect(seen.body).toEqual({ x: 1, y: 'é' });
    expect(seen.headers['content-type']).toBe('application/json');
    expect(res.header['content-type']).toMatch(/application\/json/);
  });

  test('GET puts object data in the query string', async () => {
    const { res } = await call({ url: `${echo.url}/q?a=1`, data: { b: 'two words', c: 3 } });
    expect((res.data as Echo).query).toEqual({ a: '1', b: 'two words', c: '3' });
  });

  test('form content-type sends urlencoded data; undefined/null header values are dropped', async () => {
    const { res } = await call({
      url: `${echo.url}/f`,
      method: 'POST',
      header: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'x-undefined': undefined,
        'x-null': null,
        'x-n': 7,
      },
      data: { name: 'mini', n: 2 },
    });
    const seen = res.data as Echo;
    expect(seen.body).toEqual({ name: 'mini', n: '2' });
    expect(seen.headers['x-undefined']).toBeUndefined();
    expect(seen.headers['x-null']).toBeUndefined();
    expect(seen.headers['x-n']).toBe('7');
  });

  test('non-2xx is still a success; dataType other than json keeps text; cookies are listed', async () => {
    expect((await call({ url: `${echo.url}/status/418` })).res.statusCode).toBe(418);
    expect((await call({ url: `${echo.url}/text` })).res.data).toBe('plain words');
    const raw = await call({ url: `${echo.url}/a`, dataType: 'text' });
    expect(typeof raw.res.data).toBe('string');
    expect((await call({ url: `${echo.url}/cookie` })).res.cookies[0]).toMatch(/^sid=abc/);
    const buf = await call({ url: `${echo.url}/text`, responseType: 'arraybuffer' });
    expect(Buffer.from(buf.res.data as ArrayBuffer).toString()).toBe('plain words');
  });

  test('returns a RequestTask, never a Promise, even without callbacks', () => {
    const task = bridge.api.request!({ url: `${echo.url}/a` } as never) as { abort(): void };
    expect(task).not.toBeInstanceOf(Promise);
    expect(typeof task.abort).toBe('function');
  });

  test('timeout: a server that never answers fails with request:fail timeout and an errno', async () => {
    const started = Date.now();
    const { ok, res } = await call({ url: `${echo.url}/stall`, timeout: 80 });
    expect(ok).toBe(false);
    expect(res.errMsg).toBe('request:fail timeout');
    expect(res.errno).toBe(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  test('the app.json networkTimeout applies when no timeout is passed', async () => {
    const b = createWxBridge({ baseUrl: echo.url, appid: 'wx0', networkTimeout: { request: 60 } });
    const res = await new Promise<Res>((resolve) =>
      b.api.request!({ url: `${echo.url}/stall`, fail: resolve } as never),
    );
    expect(res.errMsg).toBe('request:fail timeout');
  });

  test('connection refused fails with request:fail and errno 600000', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    const { ok, res } = await call({ url: `http://127.0.0.1:${port}/x` });
    expect(ok).toBe(false);
    expect(res.errMsg).toMatch(/^request:fail /);
    expect(res.errno).toBe(600000);
  });

  test('abort() fails the request with request:fail abort', async () => {
    const result = new Promise<Res>((resolve) => {
      const task = bridge.api.request!({ url: `${echo.url}/stall`, fail: resolve } as never) as {
        abort(): void;
      };
      setTimeout(() => task.abort(), 20);
    });
    expect((await result).errMsg).toBe('request:fail abort');
  });

  test('invalid url and invalid method fail without sending anything', async () => {
    expect((await call({ url: 'ftp://x' })).res).toMatchObject({
      errMsg: 'request:fail invalid url',
      errno: 600009,
    });
    expect((await call({ url: `${echo.url}/a`, method: 'BREW' })).res.errMsg).toMatch(
      /^request:fail invalid method/,
    );
  });

  test('injected faults: offline fails at once, stall waits for the timeout; both can be limited', async () => {
    bridge.network.inject({ kind: 'offline', match: '/a', times: 1 });
    expect((await call({ url: `${echo.url}/a` })).res.errMsg).toBe(
      'request:fail net::ERR_INTERNET_DISCONNECTED',
    );
    expect((await call({ url: `${echo.url}/a` })).ok).toBe(true);
    const remove = bridge.network.inject({ kind: 'stall', match: /\/b$/ });
    expect((await call({ url: `${echo.url}/b`, timeout: 30 })).res.errMsg).toBe(
      'request:fail timeout',
    );
    remove();
    expect((await call({ url: `${echo.url}/b` })).ok).toBe(true);
    expect(
      bridge.network.log.map((e) => [e.method, e.url.replace(echo.url, ''), e.outcome]),
    ).toEqual([
      ['GET', '/a', 'request:fail net::ERR_INTERNET_DISCONNECTED'],
      ['GET', '/a', 'ok'],
      ['GET', '/b', 'request:fail timeout'],
      ['GET', '/b', 'ok'],
    ]);
  });

  test('an exception thrown by the page callback is collected, not swallowed', async () => {
    await new Promise<void>((resolve) =>
      bridge.api.request!({
        url: `${echo.url}/a`,
        success: () => {
          throw new Error('page bug');
        },
        complete: () => resolve(),
      } as never),
    );
    expect(bridge.callbackErrors).toHaveLength(1);
    expect((bridge.callbackErrors[0] as Error).message).toBe('page bug');
  });
});
