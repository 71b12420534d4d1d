/**
 * The login flows of this mini-program, written once and run by both runners
 * (test/jest and test/vitest). Each takes the kit's test env and the runner's `expect`.
 */
const DAY = 24 * 3600 * 1000;

module.exports = {
  async 'silent login signs the user in'(env, expect) {
    const page = await env.renderPage('pages/login/index');
    await page.tap('#silent');
    expect(page.data).toMatchObject({ status: 'done', loggedIn: true });
  },

  async 'phone login creates an account with the WeChat phone number'(env, expect) {
    await env.bridge.client.upsertUser({ phone: '13800138000' });
    const page = await env.renderPage('pages/login/index');
    await page.phoneButton('#phone', 'code');
    expect(page.data).toMatchObject({ status: 'done', loggedIn: true, phone: '13800138000' });
    expect(page.text('#user-phone')).toBe('13800138000');
  },

  async 'a denied phone button leaves the user signed out and sends nothing'(env, expect) {
    const page = await env.renderPage('pages/login/index');
    await page.phoneButton('#phone', 'deny', 'android');
    expect(page.data).toMatchObject({ status: 'denied', loggedIn: false });
    expect(env.bridge.network.log.filter((r) => r.url.includes('auth-by-phone'))).toEqual([]);
  },

  async 'the login survives a restart until the token expires'(env, expect) {
    await (await env.renderPage('pages/login/index')).tap('#silent');
    await env.restart();
    expect((await env.renderPage('pages/login/index')).data.loggedIn).toBe(true);
    env.advanceClock(16 * DAY); // past the 15-day token lifetime
    await env.restart();
    expect((await env.renderPage('pages/login/index')).data.loggedIn).toBe(false);
  },

  async 'the TypeScript account page shows the masked phone'(env, expect) {
    await env.bridge.client.upsertUser({ phone: '13800138000' });
    await (await env.renderPage('pages/login/index')).phoneButton('#phone', 'code');
    const account = await env.renderPage('pages/account/index');
    expect(account.data).toMatchObject({ state: 'signed-in', maskedPhone: '138****8000' });
  },
};
