/** @jest-environment node */
// Under both runners: without a DOM (no jsdom environment) the kit says what to configure.
import { createTestEnv } from '../../src';

test('createTestEnv without a DOM names the environment to set, for both runners', async () => {
  await expect(createTestEnv()).rejects.toThrow(
    "createTestEnv needs a DOM (miniprogram-simulate renders into jsdom). Under Vitest set test.environment: 'jsdom'",
  );
  await expect(createTestEnv()).rejects.toThrow(
    '@jest-environment @genauth-wxapp/conformance/environment',
  );
});
