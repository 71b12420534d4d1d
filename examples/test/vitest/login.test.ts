import { fileURLToPath } from 'node:url';

import { createTestEnv, type TestEnv } from '@genauth-wxapp/conformance';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';

import flows from '../flows';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 }); // cold starts take seconds on CI

let env: TestEnv;
beforeAll(async () => {
  // A mock on a free port, a simulated phone, and this repository's mini-program.
  env = await createTestEnv({ root: fileURLToPath(new URL('../../miniprogram', import.meta.url)) });
});
afterAll(() => env.stop());
beforeEach(() => env.reset()); // a new phone: a new WeChat user, empty storage

for (const [name, flow] of Object.entries(flows)) test(name, () => flow(env, expect));
