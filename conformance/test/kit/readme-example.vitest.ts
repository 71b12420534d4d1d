// The Vitest example of conformance/README.md, kept running (there it imports
// '@genauth-wxapp/conformance'; vitest.config has only `environment: 'jsdom'` and timeouts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestEnv, type TestEnv } from '../../src';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv(); // a mock on a free port + the demo mini-program
});
afterAll(() => env.stop());
beforeEach(() => env.reset()); // a new phone: new WeChat user, empty storage

describe('the demo login page under Vitest', () => {
  it('silent login signs a new WeChat user in and survives a restart', async () => {
    const page = await env.renderPage('pages/login/index');
    await page.tap('#silent');
    expect(page.data).toMatchObject({ status: 'done', loggedIn: true });
    await env.restart(); // same phone, same storage, code reloaded
    expect((await env.renderPage('pages/login/index')).data['loggedIn']).toBe(true);
  });

  it('a phone login creates an account with the WeChat phone number', async () => {
    await env.bridge.client.upsertUser({ phone: '13800138000' });
    const page = await env.renderPage('pages/login/index');
    await page.phoneButton('#phone-login', 'code');
    expect(page.data).toMatchObject({ loggedIn: true, userPhone: '13800138000' });
  });
});
