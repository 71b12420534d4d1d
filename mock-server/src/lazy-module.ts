/**
 * A loader of a module required on first call, keeping it off the start-up path: pass a
 * literal `() => require('./x') as typeof X`, so bundlers still see the path.
 */
export function lazyModule<T>(load: () => T): () => T {
  let module: T | undefined;
  return () => (module ??= load());
}
