/**
 * The globals a mini-program expects and miniprogram-simulate does not define: `App`, `getApp`,
 * `Page` (mapped onto `Component`, as WeChat allows pages to be) and `getCurrentPages`.
 */

/** The object `App({...})` registered, as `getApp()` returns it. */
export type AppInstance = Record<string, unknown> & {
  globalData?: Record<string, unknown>;
  onLaunch?: (options: unknown) => unknown;
  onShow?: (options: unknown) => unknown;
  onHide?: () => unknown;
  onError?: (error: string) => unknown;
};

/** Holders the shims read; the kit fills them. */
export interface MiniprogramGlobals {
  app: AppInstance | undefined;
  /** The options `App()` was called with (a warm relaunch builds a new instance from them). */
  appOptions: AppInstance | undefined;
  pages: unknown[];
}

/** A new app instance from `App()` options, with its own `globalData`. */
export function instantiateApp(options: AppInstance): AppInstance {
  return { ...options, globalData: { ...options.globalData } };
}

type ComponentCtor = (definition: Record<string, unknown>) => void;

/**
 * Maps `Page(options)` onto `Component`: `data` stays data, every function becomes a method (so
 * `instance.onLoad(query)` works), `onShow`/`onHide` also answer `triggerPageLifeTime`.
 */
export function pageShim(component: ComponentCtor) {
  return (options: Record<string, unknown>): void => {
    const { data = {}, ...rest } = options;
    const methods: Record<string, unknown> = {};
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) {
      if (typeof v === 'function') methods[k] = v;
      else fields[k] = v;
    }
    const call = (name: string) =>
      function (this: Record<string, unknown>, ...args: unknown[]) {
        const fn = methods[name];
        return typeof fn === 'function'
          ? (fn as (...a: unknown[]) => unknown).apply(this, args)
          : undefined;
      };
    component({
      data,
      methods,
      lifetimes: {
        created(this: Record<string, unknown>) {
          Object.assign(this, fields);
        },
      },
      pageLifetimes: { show: call('onShow'), hide: call('onHide') },
    });
  };
}

/** Installs `App`, `getApp`, `Page` and `getCurrentPages` on `target` (default `globalThis`). */
export function installMiniprogramGlobals(
  state: MiniprogramGlobals,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): void {
  target['App'] = (options: AppInstance) => {
    state.appOptions = options;
    state.app = instantiateApp(options);
  };
  target['getApp'] = () => state.app;
  target['getCurrentPages'] = () => [...state.pages];
  target['Page'] = pageShim((definition) => (target['Component'] as ComponentCtor)(definition));
}
