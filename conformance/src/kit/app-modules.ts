/**
 * Loading the mini-program's own modules (config, sdk, app, pages) from its load root (the root,
 * or its compiled TypeScript mirror), with errors that name the user's source file and the fix.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { trackAppModules } from './registry';
import { requireFresh, type Simulate } from './simulate';
import { sourceOf } from './ts-mirror';

/** Where the user's files are (`root`) and where the kit loads them from (`load`). */
export interface Roots {
  root: string;
  load: string;
}

/** `<root>/<name>.ts` or `<root>/<name>.js`, whichever exists (a `.ts` wins). */
export function sourceFile(root: string, name: string): string | undefined {
  return [`${name}.ts`, `${name}.js`].map((f) => join(root, f)).find((f) => existsSync(f));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The first file of the mini-program in `error`'s stack, as the user's source path. */
function blame(roots: Roots, error: unknown): string | undefined {
  // The frames (and Node's `file:line` header of a SyntaxError), not a path the message quotes.
  const stack = error instanceof Error ? (error.stack ?? '').replace(error.message, '') : '';
  const hits = [roots.load, roots.root]
    .map((dir) => ({ dir, at: stack.indexOf(dir) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at);
  const first = hits[0];
  const file = first && /^[^:)\s]+/.exec(stack.slice(first.at))?.[0];
  if (!first || !file) return undefined;
  return first.dir === roots.load ? sourceOf(roots.root, roots.load, file) : file;
}

/** What went wrong in `file`: a syntax error, or an exception in its top-level code. */
function failedIn(file: string, error: unknown): string {
  return (error as Error | null)?.name === 'SyntaxError'
    ? `${file} has a syntax error: ${messageOf(error)}\nFix the syntax there.`
    : `${file} threw while loading: ${messageOf(error)}\nFix its top-level code.`;
}

/** Requires `<load>/<name>.js`; an exception while it runs names `source` (or its import). */
function requireModule<T>(roots: Roots, name: string, source: string): T {
  try {
    return trackAppModules(() => requireFresh<T>(join(roots.load, `${name}.js`)));
  } catch (error) {
    const file = blame(roots, error) ?? source;
    const by = file === source ? '' : `\n(${file} is loaded by ${source}.)`;
    throw new Error(failedIn(file, error) + by, { cause: error });
  }
}

/**
 * The object of a module's exports the kit can write into: `module.exports` (CommonJS, TS
 * `export =`) or an ES `export default { … }`. Named ES exports are read-only bindings.
 */
function writable(mod: unknown, file: string, shape: string): Record<string, unknown> {
  const m = mod as { __esModule?: boolean; default?: unknown } | null;
  if (m?.__esModule && typeof m.default === 'object' && m.default !== null)
    return m.default as Record<string, unknown>;
  if (m && !m.__esModule) return m as Record<string, unknown>;
  throw new Error(
    `${file}: the kit overwrites values in its exports, which named ES exports do not allow; ` +
      `export one object instead: \`export default ${shape}\` (or \`module.exports = ${shape}\`)`,
  );
}

/** Loads `config` and writes `values` into it; undefined when the mini-program has none. */
export function loadConfig(
  roots: Roots,
  values: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const file = sourceFile(roots.root, 'config');
  if (!file) return undefined;
  const config = writable(requireModule(roots, 'config', file), file, '{ host, appId, … }');
  Object.assign(config, values);
  return config;
}

/** Makes the mini-program's `sdk` module export `client` as `AuthenticationClient`. */
export function installSdk(roots: Roots, client: unknown): void {
  const file = sourceFile(roots.root, 'sdk');
  if (!file) {
    throw new Error(
      `the "sdk" option needs ${join(roots.root, 'sdk.js')} (or sdk.ts) exporting ` +
        '{ AuthenticationClient }, the one module the pages take the SDK from',
    );
  }
  writable(requireModule(roots, 'sdk', file), file, '{ AuthenticationClient }')[
    'AuthenticationClient'
  ] = client;
}

/** Runs `app` (which calls `App()`); returns its source file for messages. */
export function loadApp(roots: Roots): string {
  const file = sourceFile(roots.root, 'app') ?? join(roots.root, 'app.js');
  requireModule(roots, 'app', file);
  return file;
}

/** Loads the page at `route` into simulate (`id` for `render`). */
export function loadPage(
  simulate: Simulate,
  roots: Roots,
  route: string,
  options: { tag: string; compiler: 'official' | 'simulate' },
): { id: string; script: string } {
  const base = join(roots.root, route);
  if (!existsSync(`${base}.json`)) {
    throw new Error(
      `${route}: ${base}.json is missing. A page needs its .json (at least {}) next to its ` +
        '.wxml and script; check the route against "pages" in app.json.',
    );
  }
  const script = sourceFile(roots.root, route);
  if (!script) {
    throw new Error(
      `${route}: neither ${base}.js nor ${base}.ts exists; add the page script ` +
        '(it calls Page({...}) or Component({...})).',
    );
  }
  try {
    const id = trackAppModules(() =>
      simulate.load(join(roots.load, route), options.tag, {
        compiler: options.compiler,
        rootPath: roots.load,
      }),
    );
    return { id, script };
  } catch (error) {
    const file = blame(roots, error);
    throw new Error(
      file
        ? `${route}: ${failedIn(file, error)}`
        : `${route}: simulate could not load the page: ${messageOf(error)}`,
      { cause: error },
    );
  }
}
