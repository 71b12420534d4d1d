/**
 * A fresh module registry for a cold app start, in either test runner. Under Jest the kit's
 * `require` is Jest's, so `jest.resetModules()` gives a new registry. Under Vitest (or any plain
 * Node `require`) the kit and miniprogram-simulate are loaded by Node, so a new registry means
 * dropping from `require.cache` every module loaded since a baseline: what the mini-program,
 * its SDK and their dependencies pulled in, so the next `require` evaluates them again.
 */

/**
 * Whether the kit runs inside Jest's module system. Jest passes `jest` to each module it loads
 * (it is not a property of `globalThis`), so this is only true for the kit loaded by Jest.
 */
export function underJest(): boolean {
  return typeof jest !== 'undefined' && typeof jest.resetModules === 'function';
}

/** Which modules survive a reset, taken before simulate and after it. */
let beforeSimulate: Set<string> | undefined;
let afterSimulate: Set<string> | undefined;

function purgeSince(baseline: Set<string>): void {
  for (const key of Object.keys(require.cache)) {
    if (!baseline.has(key)) Reflect.deleteProperty(require.cache, key);
  }
}

/**
 * Before a new simulate instance is loaded: a registry in which simulate (and j-component, the
 * compiler) evaluate afresh.
 */
export function resetBeforeSimulate(): void {
  if (underJest()) return;
  if (beforeSimulate) purgeSince(beforeSimulate);
  else beforeSimulate = new Set(Object.keys(require.cache));
  afterSimulate = undefined;
}

/** Right after simulate was required: what a cold app start keeps. */
export function markSimulateLoaded(): void {
  if (!underJest()) afterSimulate = new Set(Object.keys(require.cache));
}

/**
 * A registry in which app, page, config and SDK modules evaluate afresh while simulate is kept.
 * Call before the simulate lookup of a cold start.
 */
export function resetModules(): void {
  if (underJest()) jest.resetModules();
  else if (afterSimulate) purgeSince(afterSimulate);
}
