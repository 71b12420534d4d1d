/** @jest-environment @genauth-wxapp/conformance/environment */
const path = require('node:path');

const { createTestEnv } = require('@genauth-wxapp/conformance');

const flows = require('../flows');

jest.setTimeout(30_000); // a cold start (simulate, the SDK) takes seconds on a busy CI machine

let env;
beforeAll(async () => {
  // A mock on a free port, a simulated phone, and this repository's mini-program.
  env = await createTestEnv({ root: path.join(__dirname, '../../miniprogram') });
});
afterAll(() => env.stop());
beforeEach(() => env.reset()); // a new phone: a new WeChat user, empty storage

for (const [name, flow] of Object.entries(flows)) test(name, () => flow(env, expect));
