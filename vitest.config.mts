/**
 * Vitest over the conformance kit: the same scenario files Jest runs, in Vitest's plain jsdom
 * environment (the kit needs nothing more). Workspace packages resolve to their TypeScript
 * sources, as jest.config.js `moduleNameMapper` does, so no build is needed.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/node';

const repo = fileURLToPath(new URL('.', import.meta.url));
const pkg = '^@genauth-wxapp/(fixtures|mock-server|sdk)';

/**
 * The closing line Jest's run prints too (scripts/jest-summary-reporter.js), so a log reader
 * counts both runs the same way. A file that fails before its tests run counts as one failure.
 */
const summary: Reporter = {
  onTestRunEnd(modules, unhandledErrors) {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of modules) {
      const tests = [...module.children.allTests()].map((t) => t.result().state);
      passed += tests.filter((state) => state === 'passed').length;
      skipped += tests.filter((state) => state === 'skipped' || state === 'pending').length;
      const failures = tests.filter((state) => state === 'failed').length;
      failed += failures === 0 && module.state() === 'failed' ? 1 : failures;
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  },
};

export default defineConfig({
  resolve: {
    alias: [
      { find: new RegExp(`${pkg}$`), replacement: `${repo}$1/src/index.ts` },
      { find: new RegExp(`${pkg}/([\\w-]+)$`), replacement: `${repo}$1/src/$2.ts` },
    ],
  },
  test: {
    environment: 'jsdom',
    reporters: ['default', summary],
    // The scenario files are shared with Jest and use its globals (describe, test, expect).
    globals: true,
    // What Node's own require loads (simulate runs the demo's sdk.js) resolves to sources too.
    setupFiles: ['conformance/test/support/vitest-native-sources.ts'],
    include: [
      'conformance/test/kit/env.test.ts',
      'conformance/test/scenarios/differential.test.ts',
      'conformance/test/kit/typescript.test.ts',
      'conformance/test/kit/errors.test.ts',
      'conformance/test/kit/no-dom.test.ts',
      'conformance/test/kit/readme-example.vitest.ts',
    ],
    // Cold starts (simulate, an SDK) take seconds on a busy 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
