'use strict';
/** Control-surface calls shared by the bench targets in scripts/bench/. */

/** jscode2session allows 100 calls per user per minute: one WeChat user per 100 codes. */
const CODES_PER_USER = 100;
const MINT_CONCURRENCY = 16;

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return res.json();
}

async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${await res.text()}`);
  return res.json();
}

/** At least `total` fresh `wx.login` codes of `appid`, spread over new users (100 each). */
async function mintCodes(baseUrl, appid, total) {
  const users = Math.ceil(total / CODES_PER_USER);
  const codes = [];
  let next = 0;
  async function worker() {
    while (next < users) {
      next += 1;
      const { codes: minted } = await postJson(`${baseUrl}/__mock/v1/wechat/login`, {
        appid,
        count: CODES_PER_USER,
      });
      codes.push(...minted);
    }
  }
  await Promise.all(Array.from({ length: MINT_CONCURRENCY }, worker));
  return codes;
}

module.exports = { getJson, postJson, mintCodes };
