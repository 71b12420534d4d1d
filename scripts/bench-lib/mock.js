'use strict';
/**
 * What the scale and soak scripts share: a mock run in-process (after `npm run build`), its first
 * pool's WeChat app, the bulk spec of a GenAuth user linked to a WeChat user, and their flags.
 */
const { constants, publicEncrypt } = require('node:crypto');

/** The built mock-server. */
const DIST = `${__dirname}/../../mock-server/dist/src`;
const MB = 1024 * 1024;

/** The number after `--<name>` on the command line, else `fallback`. */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A silent mock started on 127.0.0.1:0, with its first pool, that pool's app with a WeChat
 * connection (its `appid` and WeChat `secret`), the JSON headers that name both and the model's
 * bulk creators of WeChat and GenAuth users.
 */
async function startMock() {
  const { createMockServer } = require(DIST);
  const { bulkCreateWechatUsers } = require(`${DIST}/wechat/bulk`);
  const { bulkCreateGenauthUsers } = require(`${DIST}/genauth/model/bulk`);
  const mock = createMockServer({ log: () => undefined });
  const url = await mock.start(0);
  const fx = mock.store.fixtures.genauth;
  const pool = fx.pools[0];
  const app = fx.apps.find((a) => a.poolId === pool.id && a.connection);
  const appid = app.connection.appid;
  const secret = mock.store.wechat.apps.get(appid).secret;
  const headers = {
    'content-type': 'application/json',
    'x-authing-userpool-id': pool.id,
    'x-authing-app-id': app.id,
  };
  return {
    mock,
    url,
    pool,
    app,
    appid,
    secret,
    headers,
    bulkCreateWechatUsers,
    bulkCreateGenauthUsers,
  };
}

/** The bulk spec of a GenAuth user linked to the WeChat user `u` through `app`'s connection. */
const linkedUserSpec = (app, u) => ({
  openid: u.openid,
  unionid: u.unionid,
  identities: [
    {
      provider: 'wechat:miniprogram',
      connectionId: app.connection.id,
      extIdpId: app.connection.id,
      openid: u.openid,
      userIdInIdp: u.unionid ?? u.openid,
      isSocial: true,
      type: 'openid',
    },
  ],
});

/** `plain` encrypted with the password key of the mock at `url` (RSA, PKCS#1), in base64. */
async function encryptPassword(url, plain) {
  const { data } = await (await fetch(`${url}/api/v2/.well-known`)).json();
  return publicEncrypt(
    { key: data.publicKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(plain),
  ).toString('base64');
}

module.exports = { MB, arg, sleep, startMock, linkedUserSpec, encryptPassword };
