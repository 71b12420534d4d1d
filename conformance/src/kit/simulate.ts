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

/**
 * Requires miniprogram-simulate in the current module registry. Call after `jest.resetModules()`:
 * simulate runs page code with `require()` and cannot reload a file twice in one registry.
 */
export function requireSimulate(): Simulate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('miniprogram-simulate') as Simulate;
}

/** Requires `path` in the current module registry (a page, app.js, config.js, an SDK). */
export function requireFresh<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as T;
}
