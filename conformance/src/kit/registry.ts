/**
 * A fresh module registry for a cold app start, in either test runner. Under Jest the kit's
 * `require` is Jest's, so `jest.resetModules()` gives a new registry. Under Vitest (or any plain
 * Node `require`) the kit and miniprogram-simulate are loaded by Node, so a new registry means
 * dropping from `require.cache` the modules the mini-program pulled in (its files, its SDK and
 * their dependencies), so the next `require` evaluates them again. Modules loaded outside those
 * loads (the in-process mock's, the runner's) are left alone.
 */

/**
 * Whether the kit runs inside Jest's module system. Jest passes `jest` to each module it loads
 * (it is not a property of `globalThis`), so this is only true for the kit loaded by Jest.
 */
export function underJest(): boolean {
  return typeof jest !== 'undefined' && typeof jest.resetModules === 'function';
}

/** What `require.cache` held before the first simulate was loaded. */
let beforeSimulate: Set<string> | undefined;
/** Modules first loaded while the kit loaded the mini-program (see {@link trackAppModules}). */
const appModules = new Set<string>();

const cached = () => Object.keys(require.cache);

/**
 * Runs `load` (a require of the mini-program's config, SDK, app or a page) and remembers the
 * modules it loaded, which {@link resetModules} drops.
 */
export function trackAppModules<T>(load: () => T): T {
  if (underJest()) return load();
  const before = new Set(cached());
  try {
    return load();
  } finally {
    for (const key of cached()) if (!before.has(key)) appModules.add(key);
  }
}

/**
 * Before a new simulate instance is loaded (another mini-program root): a registry in which
 * simulate, j-component and the compiler evaluate afresh.
 */
export function resetBeforeSimulate(): void {
  if (underJest()) return;
  if (!beforeSimulate) {
    beforeSimulate = new Set(cached());
    return;
  }
  for (const key of cached()) {
    if (!beforeSimulate.has(key)) Reflect.deleteProperty(require.cache, key);
  }
  appModules.clear();
}

/**
 * A registry in which app, page, config and SDK modules evaluate afresh while simulate is kept.
 * Call before the simulate lookup of a cold start.
 */
export function resetModules(): void {
  if (underJest()) {
    jest.resetModules();
    return;
  }
  for (const key of appModules) Reflect.deleteProperty(require.cache, key);
  appModules.clear();
}
