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

let shared: Simulate | undefined;

/**
 * miniprogram-simulate, loaded once per test file. Loading it costs ~400 ms, so it is kept across
 * `jest.resetModules()`: its `require` always reads the current registry, so after a reset the
 * page and app modules it loads are evaluated afresh (simulate cannot load a file twice in one
 * registry), while its compiled-WXML cache stays valid.
 */
export function requireSimulate(): Simulate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  shared ??= require('miniprogram-simulate') as Simulate;
  return shared;
}

/** Requires `path` in the current module registry (a page, app.js, config.js, an SDK). */
export function requireFresh<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as T;
}
