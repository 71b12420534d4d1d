import { requirePeer } from './peers';
import { resetBeforeSimulate } from './registry';

/**
 * The slice of miniprogram-simulate (and j-component) the kit uses, typed locally so the kit does
 * not pull the global `wx` typings into its consumers.
 */

/** A rendered node: a component, a built-in (`wx-button`) or the root. */
export interface SimNode {
  dom: HTMLElement;
  data: Record<string, unknown>;
  instance: Record<string, unknown> & { setData(data: Record<string, unknown>): void };
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  triggerPageLifeTime(name: string, args?: unknown): void;
  triggerLifeTime(name: string, args?: unknown): void;
}

/** What `render` returns. */
export interface SimRoot extends SimNode {
  attach(parent: HTMLElement): void;
  detach(): void;
}

/** The simulate module. */
export interface Simulate {
  load(
    path: string,
    tagName: string,
    options?: { compiler?: 'official' | 'simulate'; rootPath?: string },
  ): string;
  render(id: string, props?: Record<string, unknown>): SimRoot | undefined;
}

let shared: { root: string; simulate: Simulate } | undefined;

/**
 * miniprogram-simulate for the mini-program at `root`, loaded once per test file and root.
 * Loading it costs ~400 ms, so it is kept across module resets (`resetModules()`): its
 * `require` always reads the current registry (Jest's, or Node's `require.cache`), so after a
 * reset the page and app modules it loads are evaluated afresh (simulate cannot load a file twice
 * in one registry), while its compiled WXML stays valid. Another root gets a fresh instance and a
 * clean compiler global. Call right after `resetModules()`.
 */
export function requireSimulate(root: string): Simulate {
  if (shared?.root !== root) {
    // The official compiler's output caches compiled templates by index in this implicit global,
    // so another project's templates would be read as this one's. Its one-time set-up of the
    // built-in prototypes (`wxs_nf_init`) must not run twice.
    const g = globalThis as unknown as { __WXML_GLOBAL__?: { wxs_nf_init?: unknown } };
    if (g.__WXML_GLOBAL__) g.__WXML_GLOBAL__ = { wxs_nf_init: g.__WXML_GLOBAL__.wxs_nf_init };
    resetBeforeSimulate();
    const simulate = requirePeer(
      'miniprogram-simulate',
      'createTestEnv',
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => require('miniprogram-simulate') as Simulate,
    );
    shared = { root, simulate };
  }
  return shared.simulate;
}

/** Whether `simulate` is still the instance the globals (`Component`, `Behavior`) belong to. */
export function isCurrentSimulate(simulate: Simulate | undefined): boolean {
  return simulate !== undefined && shared?.simulate === simulate;
}

/** Requires `path` in the current module registry (a page, app.js, config.js, an SDK). */
export function requireFresh<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as T;
}
