/**
 * The console in real headless Chromium against a mock on a frozen clock: it shows the demo
 * users and pool, mints a code and shows its exchange in the live journal, shows an account an
 * SDK login made, lets a code expire when its clock moves, adds a fault and shows it fire, shows
 * a verification code and follows a restarted mock's journal, with no error in the page's console.
 */
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';

import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { createControlClient, createMockServer, fixedClock } from '../../src';
import { openBrowser } from './browser';
import { buildConsole } from './build';
import { sdkLogin } from './sdk';

jest.setTimeout(20_000);

const T0 = Date.UTC(2024, 0, 1);

describe('the web console', () => {
  const mock = createMockServer({ clock: fixedClock(T0) });
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    const [, started, opened] = await Promise.all([buildConsole(), mock.start(0), openBrowser()]);
    url = started;
    ({ browser, page, errors } = opened);
    page.setDefaultTimeout(5_000);
    await page.goto(`${url}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await mock.stop();
  });
  afterEach(() => expect(errors.splice(0)).toEqual([]));

  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
  const table = (name: string) => page.getByRole('table', { name, exact: true });
  const row = (tableName: string, text: string) =>
    table(tableName).getByRole('row').filter({ hasText: text });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  /** The JSON a client action showed last. */
  const lastResult = async (title: string) =>
    JSON.parse(
      (await page.getByLabel(`${title} result`, { exact: true }).first().textContent()) ?? '',
    ) as Record<string, unknown>;

  it('shows the demo WeChat users and the demo user pool', async () => {
    await row('WeChat users', DEMO_OPENID).waitFor();
    expect(await row('WeChat users', DEMO_OPENID).textContent()).toContain('Band');
    await tab('GenAuth');
    const demo = mock.control.demo();
    await row('User pools', demo.userPoolId).waitFor();
    expect(await row('User pools', demo.userPoolId).textContent()).toContain(demo.userPoolName);
    for (const account of demo.accounts) await row('GenAuth users', account.id).waitFor();
  });

  it('mints a wx.login code, with its curl, and shows its exchange in the live journal', async () => {
    await tab('WeChat client');
    await button('Mint wx.login code').click();
    const minted = await lastResult('wx.login code');
    expect(minted).toEqual({ code: expect.stringMatching(/^\w{32}$/), openid: DEMO_OPENID });
    const curl = await page.getByLabel('wx.login code curl', { exact: true }).textContent();
    expect(curl).toBe(
      `curl -s -X POST ${url}/__mock/v1/wechat/login -d '{"appid":"${DEMO_APPID}","openid":"${DEMO_OPENID}"}'`,
    );
    await button('Exchange last code (jscode2session)').click();
    await page.getByLabel('jscode2session answer result', { exact: true }).waitFor();
    expect(await lastResult('jscode2session answer')).toMatchObject({ openid: DEMO_OPENID });
    await tab('Journal');
    await page.getByRole('status').filter({ hasText: 'live' }).waitFor();
    await row('Request journal', '/sns/jscode2session').waitFor();
    expect(await row('Request journal', '/sns/jscode2session').textContent()).toContain('200');
    // The user's session is on the WeChat panel now.
    await tab('WeChat');
    const session = mock.control.wechat.session({ appid: DEMO_APPID, openid: DEMO_OPENID })!;
    await row('WeChat users', session.sessionKey).waitFor();
  });

  it('shows the account an SDK login makes', async () => {
    await tab('GenAuth');
    const demo = mock.control.demo();
    const app = demo.apps.find((a) => a.wechatAppid === DEMO_APPID)!;
    const control = createControlClient(url);
    const user = await sdkLogin(
      { appId: app.appId, userPoolId: demo.userPoolId, host: url },
      async () => (await control.wechat.login({ appid: DEMO_APPID })).code,
    );
    // The login's requests reach the page's journal stream, which reloads the panel.
    await row('GenAuth users', user.id).waitFor();
    await page.getByRole('button', { name: `Open user ${user.id}` }).click();
    await page.getByRole('region', { name: `User ${user.id}` }).waitFor();
  });

  it('lets a pending code expire when the clock moves five minutes', async () => {
    await tab('WeChat client');
    await button('Mint wx.login code').click();
    const { code } = await lastResult('wx.login code');
    await tab('WeChat');
    await row('Pending login codes', code as string).waitFor();
    expect(await row('Pending login codes', code as string).textContent()).toContain('in 5m 0s');
    await page.getByRole('button', { name: 'Advance the clock +5 min' }).click();
    await page.getByLabel('Mock time').filter({ hasText: '2024-01-01 00:05:00 UTC' }).waitFor();
    await row('Pending login codes', code as string).waitFor({ state: 'detached' });
  });

  it('adds a fault, lists it, and shows it fire on the next exchange', async () => {
    await tab('Faults');
    await page.getByLabel('Route').fill('wechat.jscode2session');
    await page.getByLabel('Errcode').fill('-1');
    await button('Add fault').click();
    await row('Pending faults', 'wechat.jscode2session').waitFor();
    expect(await row('Pending faults', 'wechat.jscode2session').textContent()).toContain(
      'system error',
    );
    await tab('WeChat client');
    await button('Mint wx.login code').click();
    await button('Exchange last code (jscode2session)').click();
    await page
      .getByLabel('jscode2session answer result', { exact: true })
      .first()
      .filter({ hasText: '"errcode": -1' })
      .waitFor();
    await tab('Faults');
    await page.getByText('No fault is pending.').waitFor();
  });

  it('shows the phone-button detail and the user-info payload, and copies a curl', async () => {
    await tab('WeChat client');
    await button('Phone-button detail').click();
    expect(await lastResult('Phone-number button detail')).toMatchObject({
      errMsg: 'getPhoneNumber:ok',
    });
    await button('User-info payload').click();
    expect(await lastResult('User-info payload')).toMatchObject({
      userInfo: { nickName: 'Band' },
    });
    // The copy buttons put the text on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const curl = await page.getByLabel('User-info payload curl', { exact: true }).textContent();
    await page.getByRole('button', { name: 'Copy User-info payload curl' }).first().click();
    await page
      .getByRole('button', { name: 'Copy User-info payload curl' })
      .first()
      .filter({ hasText: 'Copied' })
      .waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(curl);
  });

  it('searches, edits and deletes a GenAuth user', async () => {
    await tab('GenAuth');
    const [account, other] = mock.control.demo().accounts;
    await page.getByLabel('Search users').fill(account!.username!);
    await row('GenAuth users', other!.id).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Open user ${account!.id}` }).click();
    const editor = page.getByRole('region', { name: `User ${account!.id}` });
    await editor.getByLabel('nickname').fill('Edited in the console');
    await editor.getByRole('button', { name: 'Save user' }).click();
    await row('GenAuth users', 'Edited in the console').waitFor();
    expect(mock.control.genauth.getUser({ id: account!.id })['nickname']).toBe(
      'Edited in the console',
    );
    await editor.getByRole('button', { name: 'Delete user' }).click();
    await row('GenAuth users', account!.id).waitFor({ state: 'detached' });
    await page.getByLabel('Search users').fill('');
    await row('GenAuth users', other!.id).waitFor();
  });

  it('sets the clock and resets the state with a seed', async () => {
    await page.getByLabel('Set to').fill('2030-01-01T00:00:00Z');
    await button('Set clock').click();
    await page.getByLabel('Mock time').filter({ hasText: '2030-01-01 00:00:00 UTC' }).waitFor();
    await page.getByLabel('Seed').fill('another-seed');
    await button('Reset state').click();
    await tab('GenAuth');
    const demo = mock.control.demo();
    await row('User pools', demo.userPoolId).waitFor();
    expect(mock.store.fixtures.seed).toBe('another-seed');
  });

  it('shows the verification code an SMS carried', async () => {
    const demo = mock.control.demo();
    const phone = '13800138000';
    const sent = await fetch(`${url}/api/v2/sms/send`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-authing-userpool-id': demo.userPoolId,
        'x-authing-app-id': demo.apps[0]!.appId,
      },
      body: JSON.stringify({ phone }),
    });
    expect(sent.status).toBe(200);
    const [message] = mock.control.messages.list({ to: phone });
    await tab('Messages');
    await row('Messages', phone).filter({ hasText: message!.code }).waitFor();
    // The tab is in the URL: a reload comes back to it.
    await page.reload();
    await page.getByRole('tab', { name: 'Messages', selected: true }).waitFor();
    await row('Messages', phone).waitFor();
  });

  // Last: it stops the file's mock.
  it('shows the journal of a mock restarted on its port, from its start', async () => {
    await tab('Journal');
    // More entries than the restarted mock will have, so the page's last id is ahead of its.
    for (const path of ['/cgi-bin/token', '/wxa/checksession', '/sns/jscode2session'])
      await fetch(`${url}${path}`);
    await row('Request journal', '/sns/jscode2session').waitFor();
    const { port } = new URL(url);
    await mock.stop();
    const restarted = createMockServer({ clock: fixedClock(T0) });
    try {
      await restarted.start(Number(port));
      // On a new connection: the old mock closed the ones the test's fetch keeps alive.
      await request(url).get('/wxa/getpaidunionid').expect(200);
      await row('Request journal', '/wxa/getpaidunionid').waitFor();
      await row('Request journal', '/sns/jscode2session').waitFor({ state: 'detached' });
    } finally {
      await restarted.stop();
    }
    // The stream the first mock cut as it stopped, and a reconnect before the second listened.
    const gap = /ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_CONNECTION_REFUSED/;
    expect(errors.splice(0).filter((e) => !gap.test(e))).toEqual([]);
  });
});
