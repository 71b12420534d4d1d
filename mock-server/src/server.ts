import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { createServer, type Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';

import express, { type Express, type Request } from 'express';

import { MockClock } from './clock';
import type { Context } from './context';
import { createControlApi } from './control/api';
import { controlApp } from './control/app';
import { adminGuard } from './control/guard';
import type { ControlApi, ResetResult } from './control/types';
import type * as Tls from './tls';
import type * as ConsoleApp from './console/app';
import type * as Persist from './persist';
import type * as GenauthApp from './genauth/app';
import { notFound, lastResort } from './http/fallback';
import { lingerOnClose } from './http/linger';
import { isControlPath, Journal, journalMiddleware } from './journal';
import { resolveOptions, type MockServerOptions } from './options';
import { SeededRandom } from './random';
import { createStore, type Store } from './store';
import { gate, lazyRouter } from './lazy-router';
import type * as WechatApp from './wechat/app';
import { isWechatPath } from './wechat/prefixes';

/** A mock server: an Express app plus its lifecycle. Nothing listens until `start()`. */
export interface MockServer {
  /** The composed Express app (usable with supertest without listening). */
  readonly app: Express;
  /** The state behind every route. */
  readonly store: Store;
  /** The clock every rule reads; `advance()` it to expire codes and tokens. */
  readonly clock: MockClock;
  /** The explicit context shared by every app. */
  readonly context: Context;
  /**
   * The control API in process: what `/__mock/v1` serves over HTTP, as typed functions
   * (`mock.control.wechat.login({ appid })`, `mock.control.faults.add(…)`, …).
   */
  readonly control: ControlApi;
  /**
   * The primary URL once started: `http://host:port`, or `https://host:port` when the mock serves
   * HTTPS only (`tls` without `tls.port`); `''` before.
   */
  readonly url: string;
  /** `https://host:port` while HTTPS listens (the same as `url` when it is the only one), else `''`. */
  readonly httpsUrl: string;
  /**
   * The certificate HTTPS serves (its PEM is what a client trusts), once the first `start()` has
   * made or loaded it; `undefined` before and without `tls`.
   */
  readonly certificate: Tls.MockCertificate | undefined;
  /**
   * Listens on `port` (0 = a free port) and resolves to the primary URL. With `tls`, that port
   * serves HTTPS, unless `tls.port` is set: then HTTP listens on `port` and HTTPS on `tls.port`.
   */
  start(port?: number): Promise<string>;
  /** Stops listening (HTTP and HTTPS) and closes open connections. */
  stop(): Promise<void>;
  /**
   * Back to the seeded state (optionally of another seed), with no faults and an empty request
   * journal, exactly like `POST /__mock/v1/reset`; the clock is untouched.
   */
  reset(seed?: string): ResetResult;
  /**
   * With `data`, resolves once the state as it is now is on disk (what changed in process, through
   * `control`, `reset()` or the clock, is otherwise saved by the next writing request or `stop()`);
   * at once without `data`.
   */
  flush(): Promise<void>;
}

/**
 * Builds the mock: WeChat's paths (`/sns`, `/cgi-bin`, `/wxa`), GenAuth's (`/api/v2`,
 * `/graphql/v2`, `/connections`, `/oidc`, `/.well-known`) and the control surface (`/__mock/v1`)
 * on one app. Each part is an app factory over the same explicit {@link Context}.
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const resolved = resolveOptions(options);
  const clock = new MockClock(options.clock);
  const random = { current: new SeededRandom(resolved.seed) };
  const store = createStore(resolved.seed, clock, random, resolved.fixtures);
  let url = '';
  const journal = new Journal();
  const context: Context = {
    store,
    clock,
    journal,
    options: resolved,
    get random() {
      return random.current;
    },
    baseUrl: (secure = false) => (secure && httpsUrl) || url,
  };

  const control = createControlApi(context);
  // The persistence code loads only with `data`, so an in-memory mock never loads it.
  const persist = resolved.data
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./persist') as typeof Persist).openDataDir(resolved.data, context)
    : undefined;

  const app = express();
  // First, so that it holds every answer of a writing request until its state is on disk.
  if (persist) app.use(persist.middleware);
  app.disable('x-powered-by');
  app.disable('etag');
  // Express's 'simple' query parser, named so the journal parses with the very same function.
  app.set('query parser', parseQuery);
  // The web console (`GET /`, `/__mock/ui/…`) loads on its first request, and stays out of the
  // journal like the control surface it drives.
  const isConsole = (req: Request) =>
    req.path === '/' || req.path === '/__mock/ui' || req.path.startsWith('/__mock/ui/');
  app.use(
    lazyRouter(
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => (require('./console/app') as typeof ConsoleApp).consoleApp(context),
      (req) => !isConsole(req),
    ),
  );
  app.use(journalMiddleware(journal, () => clock.now(), parseQuery));
  // The WeChat and GenAuth routers (and their modules) are built on the first request that may
  // be theirs, so the mock answers its first control request sooner. Each sees only the requests
  // it may answer (WeChat its prefixes, neither the control surface), so no request walks the
  // routes of a router that cannot answer it.
  app.use(
    gate(
      (req) => isWechatPath(req.path),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      lazyRouter(() => (require('./wechat/app') as typeof WechatApp).wechatApp(context)),
    ),
  );
  app.use(
    gate(
      (req) => !isControlPath(req.path),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      lazyRouter(() => (require('./genauth/app') as typeof GenauthApp).genauthApp(context)),
    ),
  );
  app.use('/__mock/v1', adminGuard(context), controlApp(context, control));
  app.use(notFound);
  app.use(lastResort(resolved.log));

  /** What `start()` listens with; `destroy` drops the sockets `closeAllConnections` misses. */
  interface Listener {
    server: Server | HttpsServer;
    destroy?: () => void;
  }
  let listeners: Listener[] | undefined;
  let httpsUrl = '';
  let tlsMaterial: Tls.TlsMaterial | undefined;
  const origin = (scheme: 'http' | 'https', port: number) =>
    `${scheme}://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${port}`;
  /** The timeouts and the linger-on-close of every listener. */
  const harden = (s: Server | HttpsServer, event: 'connection' | 'secureConnection') => {
    // A slow or stalled client cannot hold a socket: headers within 15 s, the whole request
    // within 30 s, idle keep-alive sockets closed after 5 s (and, for HTTPS, the TLS handshake
    // within 15 s).
    s.headersTimeout = 15_000;
    s.requestTimeout = 30_000;
    s.keepAliveTimeout = 5_000;
    lingerOnClose(s, event);
    return s;
  };
  const listen = async (s: Server | HttpsServer, port: number) => {
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, resolved.host, () => resolve());
    });
    return (s.address() as AddressInfo).port;
  };
  const close = (list: Listener[]) =>
    Promise.all(
      list.map(
        ({ server: s, destroy }) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
            destroy?.();
          }),
      ),
    );
  /** Makes `list` the listeners and runs `bind`; if it fails, closes them all and forgets them. */
  const listenAll = async (list: Listener[], bind: () => Promise<void>) => {
    listeners = list;
    try {
      await bind();
    } catch (err) {
      listeners = undefined;
      url = httpsUrl = '';
      await close(list);
      throw err;
    }
    return url;
  };
  /** HTTPS (on `port`, or HTTP there and HTTPS on `tls.port`); the certificate on first use. */
  const startTls = async (tls: Tls.ResolvedTls, port: number) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const t = require('./tls') as typeof Tls;
    if (tls.port !== undefined && tls.port !== 0 && tls.port === port) {
      throw new t.TlsOptionError(
        'tls.port',
        `must differ from the HTTP port, got ${port} for both`,
      );
    }
    tlsMaterial ??= t.tlsMaterial(tls, t.certificateNames(resolved.host, resolved.allowedHosts));
    const https = t.createHttpsServer(app, tlsMaterial);
    const http = tls.port === undefined ? undefined : harden(createServer(app), 'connection');
    const list: Listener[] = [
      ...(http ? [{ server: http }] : []),
      { server: harden(https.server, 'secureConnection'), destroy: https.destroySockets },
    ];
    return listenAll(list, async () => {
      const httpPort = http && (await listen(http, port));
      httpsUrl = origin('https', await listen(https.server, tls.port ?? port));
      url = httpPort === undefined ? httpsUrl : origin('http', httpPort);
    });
  };
  return {
    app,
    store,
    clock,
    context,
    control,
    get url() {
      return url;
    },
    get httpsUrl() {
      return httpsUrl;
    },
    get certificate() {
      return tlsMaterial?.certificate;
    },
    async start(port = 0) {
      if (listeners) throw new Error(`mock server already listening at ${url}`);
      persist?.open();
      if (resolved.tls) return startTls(resolved.tls, port);
      const s = harden(createServer(app), 'connection');
      return listenAll([{ server: s }], async () => {
        url = origin('http', await listen(s, port));
      });
    },
    async stop() {
      const list = listeners;
      listeners = undefined;
      url = httpsUrl = '';
      if (list) await close(list);
      // The last commit, once no request can change the state any more; then the lock goes.
      await persist?.close();
    },
    reset(seed?: string) {
      return control.reset(seed);
    },
    flush() {
      return persist ? persist.flush() : Promise.resolve();
    },
  };
}
