/** @jest-environment @genauth-wxapp/conformance/environment */
// The worked example of conformance/README.md ("Use the kit in your own tests"), kept running.
import { createTestEnv, type TestEnv } from '../../src';

jest.setTimeout(20_000); // cold starts (simulate, the SDK) take seconds on a busy CI machine

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv(); // a mock on a free port + the demo mini-program
});
afterAll(() => env.stop());
beforeEach(() => env.reset()); // a new phone: new WeChat user, empty storage

test('phone login creates an account with the WeChat phone number', async () => {
  await env.bridge.client.upsertUser({ phone: '13800138000' });
  const page = await env.renderPage('pages/login/index');
  await page.phoneButton('#phone-login', 'code');
  expect(page.data).toMatchObject({ loggedIn: true, userPhone: '13800138000' });
});

test('a user who denies the phone stays signed out, and nothing is sent', async () => {
  const page = await env.renderPage('pages/login/index');
  await page.phoneButton('#phone-login', 'deny', 'android'); // "getPhoneNumber:fail:user deny"
  expect(page.data['status']).toBe('denied');
  expect(env.bridge.network.log.filter((r) => r.url.includes('auth-by-phone'))).toEqual([]);
});

test('the login survives an app restart until the token expires', async () => {
  const page = await env.renderPage('pages/login/index');
  await page.tap('#silent');
  await env.restart(); // same phone, same storage, code reloaded
  expect((await env.renderPage('pages/login/index')).data['loggedIn']).toBe(true);
  env.advanceClock(16 * 24 * 3600 * 1000); // past the 15-day token lifetime
  await env.restart();
  expect((await env.renderPage('pages/login/index')).data['loggedIn']).toBe(false);
});
