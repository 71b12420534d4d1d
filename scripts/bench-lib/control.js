'use strict';
/** Control-surface calls shared by the bench targets in scripts/bench/ (run after `npm run build`). */
const { createControlClient } = require('../../mock-server/dist/src/client.js');

/** jscode2session allows 100 calls per user per minute: one WeChat user per 100 codes. */
const CODES_PER_USER = 100;
const MINT_CONCURRENCY = 16;

/** The typed control client of the mock at `baseUrl` (`/__mock/v1`). */
const control = (baseUrl) => createControlClient(baseUrl);

/** At least `total` fresh `wx.login` codes of `appid`, spread over new users (100 each). */
async function mintCodes(baseUrl, appid, total) {
  const client = control(baseUrl);
  const users = Math.ceil(total / CODES_PER_USER);
  const codes = [];
  let next = 0;
  async function worker() {
    while (next < users) {
      next += 1;
      const { codes: minted } = await client.wechat.login({ appid, count: CODES_PER_USER });
      codes.push(...minted);
    }
  }
  await Promise.all(Array.from({ length: MINT_CONCURRENCY }, worker));
  return codes;
}

module.exports = { control, mintCodes };
