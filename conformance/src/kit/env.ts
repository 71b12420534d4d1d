import type { FaultInput, FaultView, JournalEntry, MockServer } from '@genauth-wxapp/mock-server';

import { createWxBridge, type NetworkTimeouts, type WxBridge, type WxStorage } from '../bridge';
import { installSdk, loadApp, loadConfig, loadPage, type Roots } from './app-modules';
import {
  installMiniprogramGlobals,
  instantiateApp,
  type AppInstance,
  type MiniprogramGlobals,
} from './globals';
import type { AppConfig, DemoSection, TestEnvOptions } from './options';
import { PageHandle } from './page';
import { resetModules } from './registry';
import { resolveSdk } from './sdk-choice';
import { isCurrentSimulate, requireSimulate, type Simulate } from './simulate';
import { loadRootFor } from './ts-mirror';
import { sleep } from './wait';

/** A running test environment: one mock, one simulated phone, one mini-program. */
export class TestEnv {
  /** Base URL of the mock. */
  readonly url: string;
  /** The config the next launch uses (restored by {@link reset}). */
  readonly config: AppConfig;
  readonly #initialConfig: AppConfig;
  #bridge: WxBridge;
  #simulate: Simulate | undefined;
  #pageIds = new Map<string, { id: string; script: string }>();
  #roots: Roots | undefined;
  #appFile = '';
  #pages: PageHandle[] = [];
  readonly #globals: MiniprogramGlobals = { app: undefined, appOptions: undefined, pages: [] };
  #configModule: AppConfig | undefined;

  constructor(
    readonly mock: MockServer,
    private readonly ownsMock: boolean,
    private readonly options: TestEnvOptions,
    readonly root: string,
    readonly wechatAppid: string,
    config: AppConfig,
    /** The mock's seeded demo data (pool, apps, accounts with their demo passwords). */
    readonly demo: DemoSection,
    private readonly appJson: { pages?: string[]; networkTimeout?: Partial<NetworkTimeouts> },
  ) {
    this.url = mock.url;
    this.config = { ...config };
    this.#initialConfig = { ...config };
    this.#bridge = this.#newBridge(options.openid);
  }

  /** The current `wx` bridge (replaced by {@link restart}). */
  get bridge(): WxBridge {
    return this.#bridge;
  }

  /** The `wx` functions the pages call. */
  get wx(): Record<string, (...args: never[]) => unknown> {
    return this.#bridge.api;
  }

  /** The running app (`getApp()`); undefined before {@link launch}. */
  get app(): AppInstance | undefined {
    return this.#globals.app;
  }

  /** The device storage (survives {@link restart}). */
  get storage(): WxStorage {
    return this.#bridge.storage;
  }

  #newBridge(openid: string | undefined, storage?: WxStorage): WxBridge {
    return createWxBridge({
      baseUrl: this.url,
      appid: this.wechatAppid,
      ...(openid === undefined ? {} : { openid }),
      ...(storage ? { storage } : {}),
      networkTimeout: { ...this.appJson.networkTimeout, ...this.options.networkTimeout },
      ...(this.options.timers ? { timers: this.options.timers } : {}),
      onCallbackError: (error) => {
        const onError = this.#globals.app?.onError;
        if (typeof onError === 'function') onError.call(this.#globals.app, String(error));
      },
    });
  }

  /**
   * Starts the mini-program. A cold start (`cold`, or the first launch) uses a fresh module
   * registry: simulate, the bridge over its `wx`, `App`/`Page`/`getApp` shims, `config.js`
   * pointed at the mock, the chosen SDK, then `app.js`. A warm start (a new phone with the same
   * app installed) reuses the loaded modules and builds a new app instance. Both run `onLaunch`
   * and `onShow` with the current bridge installed.
   */
  async launch({ cold = false }: { cold?: boolean } = {}): Promise<AppInstance> {
    if (cold || !isCurrentSimulate(this.#simulate) || !this.#globals.appOptions) {
      this.#coldLoad();
    } else {
      this.#bridge.install();
      if (this.#configModule) Object.assign(this.#configModule, this.config);
      this.#globals.app = instantiateApp(this.#globals.appOptions);
    }
    const app = this.#globals.app;
    if (!app) throw new Error(`${this.#appFile} did not call App({...})`);
    const launchOptions = { path: this.appJson.pages?.[0] ?? '', query: {}, scene: 1001 };
    await app.onLaunch?.(launchOptions);
    await app.onShow?.(launchOptions);
    await this.settle();
    return app;
  }

  #coldLoad(): void {
    resetModules();
    this.#pageIds = new Map();
    this.#globals.app = undefined;
    this.#globals.appOptions = undefined;
    const roots: Roots = { root: this.root, load: loadRootFor(this.root) };
    this.#roots = roots;
    this.#simulate = requireSimulate(roots.load);
    this.#bridge.install();
    installMiniprogramGlobals(this.#globals);
    this.#configModule = loadConfig(roots, this.config) as AppConfig | undefined;
    const sdk = resolveSdk(this.options.sdk);
    if (sdk) installSdk(roots, sdk);
    this.#appFile = loadApp(roots);
  }

  /**
   * Opens `route` (e.g. `pages/login/index`): loads and renders it, then runs `onLoad(query)` and
   * `onShow()` and waits until it is idle. Launches the app first if needed.
   */
  async renderPage(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
    if (!this.#globals.app || !isCurrentSimulate(this.#simulate)) await this.launch();
    const simulate = this.#simulate as Simulate;
    let loaded = this.#pageIds.get(route);
    if (loaded === undefined) {
      loaded = loadPage(simulate, this.#roots as Roots, route, {
        tag: `page-${route.replace(/[^a-zA-Z0-9]+/g, '-')}`,
        compiler: this.options.compiler ?? 'official',
      });
      this.#pageIds.set(route, loaded);
    }
    const root = simulate.render(loaded.id);
    if (!root) {
      throw new Error(
        `${route}: ${loaded.script} did not register a page; call Page({...}) or ` +
          'Component({...}) at its top level',
      );
    }
    root.attach(document.createElement('page-wrapper'));
    const page = new PageHandle(
      route,
      root,
      () => this.#bridge,
      () => this.settle(),
    );
    this.#pages.push(page);
    this.#globals.pages.push(root.instance);
    if (typeof root.instance['onLoad'] === 'function') await page.call('onLoad', query);
    await page.show();
    return page;
  }

  /**
   * Kills and cold-starts the app, as when the user swipes it away and opens it again: pages
   * unload, modules reload, the same WeChat user and the same storage stay.
   */
  async restart(): Promise<AppInstance> {
    await this.settle();
    this.#unloadPages();
    const openid = this.#bridge.client.openid;
    this.#bridge = this.#newBridge(openid, this.#bridge.storage);
    this.#globals.app = undefined;
    return this.launch({ cold: true });
  }

  /**
   * A new phone: a fresh WeChat user (or `openid`), empty storage, no faults, no pages, the
   * initial config. The next {@link renderPage} starts the app warm (the same app installed on a
   * new phone). The mock keeps its state (use `mock.reset()` for that).
   */
  async reset(options: { openid?: string } = {}): Promise<void> {
    await this.settle();
    this.#unloadPages();
    for (const key of Object.keys(this.config)) Reflect.deleteProperty(this.config, key);
    Object.assign(this.config, this.#initialConfig);
    this.#bridge = this.#newBridge(options.openid);
    this.#globals.app = undefined;
  }

  /**
   * Waits until no `wx` call is in flight at two consecutive checks (so chained calls finish).
   */
  async settle(timeout = 5000): Promise<void> {
    const end = Date.now() + timeout;
    await sleep(0);
    let idle = 0;
    while (idle < 2) {
      idle = this.#bridge.inFlight === 0 ? idle + 1 : 0;
      if (Date.now() > end)
        throw new Error(`still ${this.#bridge.inFlight} wx call(s) in flight after ${timeout} ms`);
      await sleep(idle > 0 ? 1 : 5);
    }
  }

  /** Moves the mock's clock (codes expire after 5 min, tokens per their `exp`). */
  advanceClock(ms: number): void {
    this.mock.clock.advance(ms);
  }

  /**
   * Makes the mock's WeChat API fail on purpose (`mock.control.faults.add`): the next `times`
   * (default 1) calls of `route` — of this env's WeChat app unless `appid` says otherwise —
   * answer `errcode`. GenAuth's code exchange takes `wechat.jscode2session` faults too.
   */
  async injectWechatFault(fault: FaultInput): Promise<void> {
    this.mock.control.faults.add({ appid: this.wechatAppid, ...fault });
  }

  /** The WeChat faults still pending on the mock (`times` = calls left). */
  async wechatFaults(): Promise<FaultView[]> {
    return this.mock.control.faults.list();
  }

  /** Requests the mock received (newest last), optionally for one path. */
  async requests(path?: string): Promise<JournalEntry[]> {
    return this.mock.control.journal.list(path === undefined ? {} : { path });
  }

  #unloadPages(): void {
    for (const page of this.#pages) page.unload();
    this.#pages = [];
    this.#globals.pages.length = 0;
  }

  /** Unloads the pages and stops the mock if the env started it. */
  async stop(): Promise<void> {
    this.#unloadPages();
    if (this.ownsMock) await this.mock.stop();
  }
}
