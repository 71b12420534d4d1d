/**
 * Vitest over the conformance kit: the same scenario files Jest runs, in Vitest's plain jsdom
 * environment (the kit needs nothing more). Workspace packages resolve to their TypeScript
 * sources, as jest.config.js `moduleNameMapper` does, so no build is needed.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const repo = fileURLToPath(new URL('.', import.meta.url));
const pkg = '^@genauth-wxapp/(fixtures|mock-server|sdk)';

export default defineConfig({
  resolve: {
    alias: [
      { find: new RegExp(`${pkg}$`), replacement: `${repo}$1/src/index.ts` },
      { find: new RegExp(`${pkg}/([\\w-]+)$`), replacement: `${repo}$1/src/$2.ts` },
    ],
  },
  test: {
    environment: 'jsdom',
    // The scenario files are shared with Jest and use its globals (describe, test, expect).
    globals: true,
    // What Node's own require loads (simulate runs the demo's sdk.js) resolves to sources too.
    setupFiles: ['conformance/test/support/vitest-native-sources.ts'],
    include: [
      'conformance/test/scenarios/differential.test.ts',
      'conformance/test/kit/typescript.test.ts',
    ],
    // Cold starts (simulate, an SDK) take seconds on a busy 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
