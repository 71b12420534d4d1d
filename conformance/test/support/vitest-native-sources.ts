/**
 * Vitest setup for this repository: what jest.config.js `moduleNameMapper` does for Jest, for the
 * modules Node's own `require` loads. Under Vitest, simulate runs the demo's `sdk.js` with Node's
 * `require`, which would find `@genauth-wxapp/sdk` as its built bundle; here it resolves to the
 * TypeScript sources, compiled on load, so tests never need a build.
 */
import { readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

import { compileTypeScript } from '../../src/kit/typescript';

const REPO = join(__dirname, '../../..');
const WORKSPACE = /^@genauth-wxapp\/(fixtures|mock-server|sdk)(?:\/([\w-]+))?$/;

/** `@genauth-wxapp/<pkg>[/<sub>]` → `<pkg>/src/<sub or index>.ts`, as the Vitest aliases do. */
function toSource(request: string): string {
  const match = WORKSPACE.exec(request);
  return match ? join(REPO, match[1] as string, 'src', `${match[2] ?? 'index'}.ts`) : request;
}

interface NodeModule {
  _compile(code: string, filename: string): void;
}
type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as {
  _resolveFilename: Resolve;
  _extensions: Record<string, (module: NodeModule, filename: string) => void>;
};

const resolve = internals._resolveFilename;
internals._resolveFilename = function (request, ...rest) {
  return resolve.call(this, toSource(request), ...rest);
};

const compiled = new Map<string, { mtime: number; code: string }>();
internals._extensions['.ts'] = (module, filename) => {
  const mtime = statSync(filename).mtimeMs;
  let hit = compiled.get(filename);
  if (hit?.mtime !== mtime) {
    hit = { mtime, code: compileTypeScript(readFileSync(filename, 'utf8'), filename) };
    compiled.set(filename, hit);
  }
  module._compile(hit.code, filename);
};
