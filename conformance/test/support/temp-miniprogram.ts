import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { mirrorPath } from '../../src/kit/ts-mirror';

/** Temporary mini-program roots for tests of bad input; `cleanup()` removes them all. */
export class TempMiniprograms {
  readonly #dirs: string[] = [];

  /** A new root holding `files` (path → content), copied over `from` when given. */
  create(files: Record<string, string>, from?: string): string {
    const root = mkdtempSync(join(tmpdir(), 'genauth-wxapp-mp-'));
    this.#dirs.push(root);
    if (from) cpSync(from, root, { recursive: true });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  }

  /** Removes the roots and the compiled mirrors of their TypeScript. */
  cleanup(): void {
    for (const dir of this.#dirs.splice(0)) {
      const mirror = mirrorPath(dir);
      if (mirror) rmSync(mirror, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** A minimal valid mini-program with one Page() page at `pages/home/index`. */
export const MINIMAL_APP: Record<string, string> = {
  'app.json': '{ "pages": ["pages/home/index"] }',
  'app.js': 'App({});\n',
  'pages/home/index.json': '{}',
  'pages/home/index.wxml': '<text id="hi">{{hi}}</text>',
  'pages/home/index.js': "Page({ data: { hi: 'hi' } });\n",
};
