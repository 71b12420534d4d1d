/** Checks made before a test environment starts anything, each failing with the fix. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { sourceFile } from './app-modules';
import { useNodeBinaryGlobals } from './node-globals';

/** The `miniprogramRoot` a `project.config.json` in `dir` names, if any. */
function projectRoot(dir: string): string | undefined {
  try {
    const config = JSON.parse(readFileSync(join(dir, 'project.config.json'), 'utf8')) as {
      miniprogramRoot?: unknown;
    };
    return typeof config.miniprogramRoot === 'string'
      ? resolve(dir, config.miniprogramRoot)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Throws unless `root` is a mini-program root (app.json, and app.js or app.ts). */
export function checkRoot(root: string): void {
  if (!existsSync(root)) {
    throw new Error(
      `createTestEnv: root ${root} does not exist; pass the mini-program folder (the one ` +
        'holding app.json), e.g. path.join(__dirname, "../miniprogram")',
    );
  }
  if (!existsSync(join(root, 'app.json'))) {
    const hinted = projectRoot(root);
    throw new Error(
      `createTestEnv: no app.json in ${root}; root must be the mini-program root ` +
        (hinted
          ? `(project.config.json says miniprogramRoot: pass ${hinted})`
          : '(app.json, app.js and the pages)'),
    );
  }
  if (!sourceFile(root, 'app')) {
    throw new Error(`createTestEnv: ${root} has no app.js or app.ts (it calls App({...}))`);
  }
}

/** Throws unless a DOM is there for miniprogram-simulate (jsdom). */
export function checkDom(): void {
  if (typeof document === 'object' && typeof window === 'object') return;
  throw new Error(
    'createTestEnv needs a DOM (miniprogram-simulate renders into jsdom). Under Vitest set ' +
      "test.environment: 'jsdom' in vitest.config (npm install -D jsdom); under Jest add the " +
      'docblock @jest-environment @genauth-wxapp/conformance/environment ' +
      '(npm install -D jest-environment-jsdom).',
  );
}

/** Everything `createTestEnv` checks before it starts a mock. */
export function preflight(root: string): void {
  checkDom();
  checkRoot(root);
  useNodeBinaryGlobals();
}
