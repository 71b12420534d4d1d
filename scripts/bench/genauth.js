'use strict';
/**
 * GenAuth bench targets for scripts/bench.js (same shape as bench/wechat.js):
 * - loginByCode: `POST /connections/social/wechat-miniprogram/auth` with a fresh `wx.login` code
 *   per request (pre-minted through the control surface, 100 per WeChat user to stay under the
 *   jscode2session quota) — the REST path a mini-program hits at launch;
 * - loginByEmail: `POST /graphql/v2` with the official document and an RSA-encrypted password.
 */
const { control, mintCodes } = require('../bench-lib/control');
const { constants, publicEncrypt } = require('node:crypto');

const LOGIN_BY_EMAIL =
  '\n    mutation loginByEmail($input: LoginByEmailInput!) {\n  loginByEmail(input: $input) {\n    id\n    arn\n    status\n    userPoolId\n    username\n    email\n    emailVerified\n    phone\n    phoneVerified\n    unionid\n    openid\n    nickname\n    registerSource\n    photo\n    password\n    oauth\n    token\n    tokenExpiredAt\n    loginsCount\n    lastLogin\n    lastIP\n    signedUp\n    blocked\n    isDeleted\n    device\n    browser\n    company\n    name\n    givenName\n    familyName\n    middleName\n    profile\n    preferredUsername\n    website\n    gender\n    birthdate\n    zoneinfo\n    locale\n    address\n    formatted\n    streetAddress\n    locality\n    region\n    postalCode\n    city\n    province\n    country\n    createdAt\n    updatedAt\n    externalId\n  }\n}\n    ';

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return res.json();
}

/** The demo pool, app (with its WeChat appid) and first demo account with a password. */
async function demo(baseUrl) {
  const demo = await control(baseUrl).demo();
  const app = demo.apps.find((a) => a.wechatAppid) ?? demo.apps[0];
  const account = demo.accounts.find((a) => a.email && a.password);
  return { userPoolId: demo.userPoolId, app, account };
}

/** The SDK's REST headers (wxapp client). */
const headers = (userPoolId, appId) => ({
  'content-type': 'application/json;charset=utf-8',
  'x-authing-sdk-version': 'wxapp:4.2.0',
  'x-authing-userpool-id': userPoolId,
  'x-authing-request-from': 'wxapp',
  'x-authing-app-id': appId,
});

module.exports = [
  {
    name: 'loginByCode (REST)',
    goal: 0.5,
    async setup(baseUrl, { requests }) {
      const { userPoolId, app } = await demo(baseUrl);
      const codes = await mintCodes(baseUrl, app.wechatAppid, requests);
      const hdrs = headers(userPoolId, app.appId);
      let i = 0;
      return {
        requests: [
          {
            method: 'POST',
            setupRequest(req) {
              req.path = '/connections/social/wechat-miniprogram/auth';
              req.headers = hdrs;
              req.body = JSON.stringify({ code: codes[i++ % codes.length] });
              return req;
            },
          },
        ],
      };
    },
    check: (status, body) => status === 200 && body.startsWith('{"code":200,'),
  },
  {
    name: 'loginByEmail (GraphQL, RSA password)',
    async setup(baseUrl) {
      const { userPoolId, app, account } = await demo(baseUrl);
      const { data } = await getJson(`${baseUrl}/api/v2/.well-known`);
      const password = publicEncrypt(
        { key: data.publicKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(account.password),
      ).toString('base64');
      const body = JSON.stringify({
        query: LOGIN_BY_EMAIL,
        variables: {
          input: {
            email: account.email,
            password,
            autoRegister: false,
            params: null,
            context: null,
          },
        },
      });
      const gqlHeaders = headers(userPoolId, app.appId);
      delete gqlHeaders['x-authing-userpool-id'];
      return {
        requests: [
          {
            method: 'POST',
            path: '/graphql/v2',
            headers: { ...gqlHeaders, 'content-type': 'application/json' },
            body,
          },
        ],
      };
    },
    check: (status, body) => status === 200 && body.startsWith('{"data":{"loginByEmail":{"id"'),
  },
];
