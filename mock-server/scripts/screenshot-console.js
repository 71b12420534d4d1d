#!/usr/bin/env node
'use strict';
/**
 * Writes `docs/console.png`, the README's picture of the web console: starts a built mock on a
 * frozen clock, plays a little traffic (a login, a pending code, an SMS, a fault), opens the
 * console in headless Chromium and captures the WeChat panel. Needs `npm run build` first and
 * Chromium at /usr/bin/chromium (or `CHROMIUM_PATH`).
 *
 *   npm run screenshot:console --workspace @genauth-wxapp/mock-server [-- <out.png>]
 */
const { mkdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

const { chromium } = require('playwright-core');

const { createMockServer, fixedClock } = require('../dist/src');
const { buildConsole } = require('./build-console');

const OUT = process.argv[2] ?? join(__dirname, '..', 'docs', 'console.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main() {
  await buildConsole();
  const mock = createMockServer({ clock: fixedClock(Date.UTC(2024, 0, 1, 9, 30)) });
  const url = await mock.start(0);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const { control } = mock;
    const demo = control.demo();
    const [{ appid, secret }] = control.wechat.apps();
    // A login that is exchanged (a session), and a code still pending.
    const [user] = control.wechat.listUsers({ appid, limit: 1 }).users;
    const { code } = control.wechat.login({ appid, openid: user.openid });
    const query = new URLSearchParams({
      appid,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    await fetch(`${url}/sns/jscode2session?${query}`);
    mock.clock.advance(42_000);
    control.wechat.login({ appid });
    await fetch(`${url}/api/v2/sms/send`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-authing-userpool-id': demo.userPoolId,
        'x-authing-app-id': demo.apps[0].appId,
      },
      body: JSON.stringify({ phone: '13800138000' }),
    });
    control.faults.add({ route: 'wechat.jscode2session', errcode: 40029, times: 2 });

    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(`${url}/`);
    await page
      .getByRole('table', { name: 'Pending login codes' })
      .getByRole('row')
      .nth(1)
      .waitFor();
    await page.getByRole('table', { name: 'WeChat users' }).getByText(user.openid).waitFor();
    mkdirSync(dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    console.log(`wrote ${OUT}`);
  } finally {
    await browser.close();
    await mock.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
