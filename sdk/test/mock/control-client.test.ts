/**
 * The SDK in a Node script against a mock it only reaches over HTTP, as the README's "Node and
 * scripts" section shows: `wx.login` codes come from the mock's control client.
 */
import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';
import { createControlClient } from '@genauth-wxapp/mock-server/client';

import { demoCodeClient } from '../helpers/demo-login';

let mock: MockServer;
let url: string;

beforeAll(async () => {
  mock = createMockServer();
  url = await mock.start(0);
});

afterAll(() => mock.stop());

it('logs in by code with codes minted through createControlClient', async () => {
  const control = createControlClient(url);
  const client = await demoCodeClient(control, url);
  const user = await client.loginByCode();

  expect(typeof user.token).toBe('string');
  expect(user.openid).toMatch(/^o/);
  const [auth] = await control.journal.list({
    path: '/connections/social/wechat-miniprogram/auth',
  });
  expect(auth).toMatchObject({ method: 'POST', status: 200 });
  expect(await client.checkLoginStatus()).toMatchObject({ status: true });
});
