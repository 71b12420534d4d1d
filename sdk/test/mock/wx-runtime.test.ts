import { AuthenticationClient, createWxRuntime, TOKEN_KEY, USER_KEY } from '../../src/node';

import { startLocalServer } from '../helpers/http';
import type { MockHarness } from '../helpers/mock';
import { useMockHarness, tempImage } from '../helpers/mock';
import { createWxBridge } from '../helpers/wx-bridge';
import { failure } from '../helpers/failure';
import { fakeTimeouts, holdRequests, outlast } from '../helpers/timeouts';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

describe('the default wx runtime against the mock', () => {
  it('logs in via wx.login, updates the avatar via chooseMedia + wx.uploadFile, logs out', async () => {
    const bridge = createWxBridge({
      login: async () => (await h.wxLogin()).code,
      picks: [tempImage(), 'cancel'],
    });
    (globalThis as { wx?: unknown }).wx = bridge.wx;
    try {
      const client = new AuthenticationClient({ appId: h.app.appId, host: h.url }); // runtime: global wx
      const user = await client.loginByCode();
      expect(bridge.store[USER_KEY]).toEqual(user);
      expect(bridge.store[TOKEN_KEY]).toBe(user.token);
      const withAvatar = await client.updateAvatar();
      expect(withAvatar.photo).toMatch(/^http/);
      expect((await h.last('/api/v2/upload')).headers['authorization']).toBe(
        `Bearer ${user.token}`,
      );
      expect(await failure(client.updateAvatar())).toMatchObject({
        kind: 'cancelled',
        message: 'chooseMedia:fail cancel',
      });
      await client.logout();
      expect(bridge.store).toEqual({});
    } finally {
      delete (globalThis as { wx?: unknown }).wx;
    }
  });

  it('forwards timeout to wx.request: a held request fails as a timeout', async () => {
    const held = holdRequests();
    const hang = await startLocalServer(held.handler);
    const timeouts = fakeTimeouts();
    try {
      const bridge = createWxBridge({ login: async () => 'unused' });
      const client = new AuthenticationClient({
        appId: 'a',
        host: hang.url,
        timeout: 80,
        runtime: createWxRuntime(bridge.wx),
      });
      const error = await outlast(timeouts, held.arrived, failure(client.getSecurityLevel()), 80);
      expect(error).toMatchObject({ kind: 'timeout', code: 504 });
      expect(error.message).toBe(
        `request:fail timeout (GET ${hang.url}/api/v2/users/me/security-level)`,
      );
    } finally {
      timeouts.restore();
      await hang.close();
    }
  });
});
