import { LOGIN, signIn, storedLogin, type Scenario } from './harness';

/** Token lifetime of the mock's GenAuth (15 days) plus a day. */
const PAST_TOKEN_EXPIRY_MS = 16 * 24 * 3600 * 1000;

/** Login state across app restarts and token expiry. */
export const sessionScenarios: Scenario[] = [
  {
    id: 'restart-restore',
    title: 'checkLoginStatus after an app restart: storage survives, the page restores the user',
    async run({ env }) {
      const first = await signIn(env);
      const userId = first.data['userId'];
      await env.restart();
      const page = await env.renderPage(LOGIN);
      expect(page.data).toMatchObject({
        status: 'done',
        action: 'restore',
        loggedIn: true,
        userId,
      });
    },
  },
  {
    id: 'token-expiry',
    title:
      'an expired token (mock clock advanced) shows signed-out after a restart; re-login works',
    async run({ env }) {
      const first = await signIn(env);
      const oldToken = storedLogin(env).token;
      env.advanceClock(PAST_TOKEN_EXPIRY_MS);
      await env.restart();
      const page = await env.renderPage(LOGIN);
      expect(page.data).toMatchObject({
        status: 'signed-out',
        loggedIn: false,
        loginStatusCode: '2206',
      });
      await page.tap('#silent');
      expect(page.data).toMatchObject({
        status: 'done',
        loggedIn: true,
        userId: first.data['userId'],
      });
      expect(storedLogin(env).token).not.toBe(oldToken);
    },
  },
];
