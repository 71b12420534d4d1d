import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createTestEnv, type TestEnv } from '@genauth-wxapp/conformance';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';

import flows from '../flows';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 }); // cold starts take seconds on CI

let env: TestEnv;
beforeAll(async () => {
  // A mock on a free port, a simulated phone, and this repository's mini-program.
  // (`URL` is jsdom's here, so the path is built from `import.meta.url` with node:path.)
  const root = join(dirname(fileURLToPath(import.meta.url)), '../../miniprogram');
  env = await createTestEnv({ root });
});
afterAll(() => env.stop());
beforeEach(() => env.reset()); // a new phone: a new WeChat user, empty storage

for (const [name, flow] of Object.entries(flows)) test(name, () => flow(env, expect));
