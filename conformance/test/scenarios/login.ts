import { LOGIN, WECHAT_AUTH, lastBody, signIn, storedLogin, type Scenario } from './harness';

/** Login with a `wx.login` code: silent, and with the user's profile (rawData or encrypted). */
export const loginScenarios: Scenario[] = [
  {
    id: 'silent-new',
    title: 'silent login of a new WeChat user creates an account and stores the login state',
    async run({ env }) {
      const page = await signIn(env);
      const body = await lastBody(env, WECHAT_AUTH);
      expect(body['code']).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(body['encryptedData']).toBeUndefined();
      // The SDK's traffic went through wx.request (the bridge), as on a phone.
      expect(env.bridge.network.log).toContainEqual({
        api: 'request',
        method: 'POST',
        url: `${env.url}${WECHAT_AUTH}`,
        outcome: 'ok',
      });
      const { token, user } = storedLogin(env);
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect((user as { id: string }).id).toBe(page.data['userId']);
    },
  },
  {
    id: 'silent-returning',
    title: 'silent login of a returning user (storage wiped) finds the same account',
    async run({ env }) {
      const first = await signIn(env);
      const userId = first.data['userId'];
      const openid = env.bridge.client.openid;
      await env.reset({ ...(openid ? { openid } : {}) });
      expect(storedLogin(env).token).toBe('');
      const again = await signIn(env);
      expect(again.data['userId']).toBe(userId);
    },
  },
  {
    id: 'profile-rawdata',
    title: 'login with getUserProfile rawData takes the WeChat nickname',
    async run({ env }) {
      await env.bridge.client.upsertUser({ nickName: '原始资料用户' });
      const page = await env.renderPage(LOGIN);
      await page.tap('#profile-raw');
      expect(page.data).toMatchObject({ status: 'done', loggedIn: true, nickname: '原始资料用户' });
      const body = await lastBody(env, WECHAT_AUTH);
      expect(JSON.parse(body['rawData'] as string)).toMatchObject({ nickName: '原始资料用户' });
      expect(body['iv']).toBeUndefined();
    },
  },
  {
    id: 'profile-encrypted',
    title:
      'login with getUserProfile iv + encryptedData (decrypted server-side) takes the nickname',
    async run({ env }) {
      await env.bridge.client.upsertUser({ nickName: '加密资料用户' });
      const page = await env.renderPage(LOGIN);
      await page.tap('#profile-encrypted');
      expect(page.data).toMatchObject({ status: 'done', loggedIn: true, nickname: '加密资料用户' });
      const body = await lastBody(env, WECHAT_AUTH);
      expect(body['iv']).toEqual(expect.any(String));
      expect(body['encryptedData']).toEqual(expect.any(String));
      expect(body['rawData']).toBeUndefined();
    },
  },
];
