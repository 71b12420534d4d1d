import { createServer } from 'node:net';

import { realTimers } from '@genauth-wxapp/mock-server';

import { createWxBridge, ManualTimers, type WxBridge, type WxResult } from '../../src/bridge';
import { startEchoServer, type Echo, type EchoServer } from '../support/echo-server';

type Res = WxResult & {
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies: string[];
};

let echo: EchoServer;
let bridge: WxBridge;
/** The bridge's timeouts run on these: a test times a call out by advancing them. */
let timers: ManualTimers;

/** Runs `wx.request` with callbacks and resolves with whichever callback fired. */
function call(
  options: Record<string, unknown>,
  on: WxBridge = bridge,
): Promise<{ ok: boolean; res: Res; completed: boolean }> {
  return new Promise((resolve) => {
    let outcome: { ok: boolean; res: Res } | undefined;
    on.api.request!({
      ...options,
      success: (res: Res) => (outcome = { ok: true, res }),
      fail: (res: Res) => (outcome = { ok: false, res }),
      complete: () => resolve({ ...outcome!, completed: true }),
    } as never);
  });
}

/** `promise`, with a flag that turns true once it has settled. */
function watch<T>(promise: Promise<T>): { promise: Promise<T>; readonly settled: boolean } {
  let settled = false;
  void promise.finally(() => (settled = true));
  return {
    promise,
    get settled() {
      return settled;
    },
  };
}

/** Lets pending I/O callbacks and promise reactions run (no timer is involved). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.stop());
beforeEach(() => {
  timers = new ManualTimers();
  bridge = createWxBridge({ baseUrl: echo.url, appid: 'wx0000000000000000', timers });
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
    const arrived = echo.nextStall();
    const pending = watch(call({ url: `${echo.url}/stall`, timeout: 80 }));
    await arrived;
    expect(timers.advance(79)).toBe(0);
    await turn();
    expect(pending.settled).toBe(false);
    expect(timers.advance(1)).toBe(1);
    const { ok, res } = await pending.promise;
    expect(ok).toBe(false);
    expect(res.errMsg).toBe('request:fail timeout');
    expect(res.errno).toBe(5);
    expect(timers.pending).toBe(0);
  });

  test('the app.json networkTimeout applies when no timeout is passed', async () => {
    const b = createWxBridge({
      baseUrl: echo.url,
      appid: 'wx0',
      networkTimeout: { request: 60 },
      timers,
    });
    const arrived = echo.nextStall();
    const pending = watch(call({ url: `${echo.url}/stall` }, b));
    await arrived;
    expect(timers.advance(59)).toBe(0);
    expect(timers.advance(1)).toBe(1);
    expect((await pending.promise).res.errMsg).toBe('request:fail timeout');
  });

  test('without timers the bridge times out on the global ones', () => {
    expect(createWxBridge({ baseUrl: echo.url, appid: 'wx0' }).network.timers).toBe(realTimers);
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
    const arrived = echo.nextStall();
    let task: { abort(): void } | undefined;
    const result = new Promise<Res>((resolve) => {
      task = bridge.api.request!({ url: `${echo.url}/stall`, fail: resolve } as never) as never;
    });
    await arrived;
    task!.abort();
    expect(await result).toEqual({ errMsg: 'request:fail abort', errno: 600003 });
    expect(timers.pending).toBe(0);
  });

  test('abort() ends a request stalled by an injected fault at once', async () => {
    bridge.network.inject({ kind: 'stall', match: '/a' });
    let task: { abort(): void } | undefined;
    const result = new Promise<Res>((resolve) => {
      task = bridge.api.request!({ url: `${echo.url}/a`, fail: resolve } as never) as never;
    });
    await timers.whenPending();
    task!.abort();
    expect(await result).toEqual({ errMsg: 'request:fail abort', errno: 600003 });
    expect(timers.pending).toBe(0);
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
    const stalled = watch(call({ url: `${echo.url}/b`, timeout: 30 }));
    await timers.whenPending();
    expect(timers.advance(29)).toBe(0);
    await turn();
    expect(stalled.settled).toBe(false);
    timers.advance(1);
    expect((await stalled.promise).res.errMsg).toBe('request:fail timeout');
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
