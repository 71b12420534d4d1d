'use strict';
/**
 * Every route of every wire format the fuzzer hits, with the format its answers must be in and
 * the kind of body it reads. The control routes come from the mock's own index
 * (`CONTROL_ROUTES`, what `GET /__mock/v1` lists), so new control routes are fuzzed as they land.
 */

/** @typedef {'wechat' | 'rest' | 'v3' | 'graphql' | 'oidc' | 'cas' | 'control' | 'console'} Format */
/** @typedef {'none' | 'json' | 'multipart'} BodyKind */
/**
 * @typedef {{ format: Format, method: string, path: string, body: BodyKind, sample?: object,
 *   unimplemented?: boolean }} Route
 * `unimplemented`: a known operation the mock does not serve, whose answer is a 501 in its format.
 */

/** @type {Route[]} */
const WECHAT = [
  { method: 'GET', path: '/sns/jscode2session', body: 'none' },
  { method: 'GET', path: '/cgi-bin/token', body: 'none' },
  {
    method: 'POST',
    path: '/cgi-bin/stable_token',
    body: 'json',
    sample: { grant_type: 'client_credential', appid: 'wx4f4bc4dec97d474b', secret: 'x' },
  },
  {
    method: 'POST',
    path: '/wxa/business/getuserphonenumber',
    body: 'json',
    sample: { code: 'a'.repeat(64), openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE' },
  },
  { method: 'GET', path: '/wxa/checksession', body: 'none' },
  { method: 'GET', path: '/wxa/resetusersessionkey', body: 'none' },
  { method: 'GET', path: '/wxa/charge/usage/get', body: 'none' },
  {
    method: 'POST',
    path: '/wxa/business/getuserencryptkey',
    body: 'json',
    sample: {
      openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE',
      signature: 'a'.repeat(64),
      sig_method: 'hmac_sha256',
    },
  },
  {
    method: 'POST',
    path: '/wxa/business/checkencryptedmsg',
    body: 'json',
    sample: { encrypted_msg_hash: 'a'.repeat(64) },
  },
  {
    method: 'POST',
    path: '/wxa/getuserriskrank',
    body: 'json',
    sample: {
      appid: 'wx4f4bc4dec97d474b',
      openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE',
      scene: 0,
      client_ip: '127.0.0.1',
    },
  },
  { method: 'POST', path: '/wxa/getpluginopenpid', body: 'json', sample: { code: 'a'.repeat(32) } },
  { method: 'GET', path: '/wxa/getpaidunionid', body: 'none' },
  { method: 'GET', path: '/sns/userinfo', body: 'none' },
  { method: 'POST', path: '/cgi-bin/nope', body: 'json', sample: {} },
  { method: 'GET', path: '/wxa/getwxacodeunlimit', body: 'none', unimplemented: true },
  {
    method: 'POST',
    path: '/wxa/msg_sec_check',
    body: 'json',
    sample: { content: 'x' },
    unimplemented: true,
  },
].map((r) => ({ format: 'wechat', ...r }));

const WX_BASE = '/connections/social/wechat-miniprogram';

/** @type {Route[]} */
const REST = [
  { method: 'GET', path: '/api/v2/.well-known', body: 'none' },
  { method: 'POST', path: '/api/v2/sms/send', body: 'json', sample: { phone: '13800000000' } },
  { method: 'GET', path: '/api/v2/logout', body: 'none' },
  { method: 'GET', path: '/api/v2/users/me/orgs', body: 'none' },
  { method: 'GET', path: '/api/v2/users/me/security-level', body: 'none' },
  { method: 'GET', path: '/api/v2/users/me/applications/allowed', body: 'none' },
  {
    method: 'POST',
    path: '/api/v2/users/link',
    body: 'json',
    sample: { primaryUserToken: 'a.b.c', secondaryUserToken: 'd.e.f' },
  },
  {
    method: 'POST',
    path: '/api/v2/users/unlink',
    body: 'json',
    sample: { primaryUserToken: 'a.b.c', provider: 'wechat' },
  },
  {
    method: 'POST',
    path: '/api/v2/ldap/verify-user',
    body: 'json',
    sample: { username: 'ldap.zhang', password: 'x' },
  },
  {
    method: 'POST',
    path: '/api/v2/ad/verify-user',
    body: 'json',
    sample: { username: 'ad.li', password: 'x' },
  },
  { method: 'POST', path: '/api/v2/upload', body: 'multipart' },
  { method: 'GET', path: '/api/v2/upload/files/avatar/0.png', body: 'none' },
  { method: 'GET', path: '/oidc/.well-known/openid-configuration', body: 'none' },
  { method: 'GET', path: '/oidc/.well-known/jwks.json', body: 'none' },
  { method: 'POST', path: `${WX_BASE}/auth`, body: 'json', sample: { code: 'c', rawData: '{}' } },
  {
    method: 'POST',
    path: `${WX_BASE}/auth-by-phone`,
    body: 'json',
    sample: { code: 'c', phoneCode: 'p' },
  },
  { method: 'POST', path: `${WX_BASE}/getphone`, body: 'json', sample: { phoneCode: 'p' } },
  {
    method: 'POST',
    path: '/api/v2/mfa/totp/verify',
    body: 'json',
    sample: { totp: '123456' },
    unimplemented: true,
  },
  { method: 'GET', path: '/api/v2/nope', body: 'none' },
  { method: 'POST', path: '/connections/nope', body: 'json', sample: {} },
  { method: 'GET', path: '/oidc/nope', body: 'none' },
].map((r) => ({ format: 'rest', ...r }));

const CONN = { extIdpConnidentifier: 'wechat-miniprogram-demo' };

/** @type {Route[]} */
const V3 = [
  {
    method: 'POST',
    path: '/api/v3/signin-by-mobile',
    body: 'json',
    sample: {
      connection: 'wechat_mini_program_code',
      ...CONN,
      wechatMiniProgramCodePayload: { code: 'c' },
    },
  },
  {
    method: 'POST',
    path: '/api/v3/signin',
    body: 'json',
    sample: { connection: 'PASSWORD', passwordPayload: { account: 'a', password: 'p' } },
  },
  { method: 'GET', path: '/api/v3/system', body: 'none' },
  { method: 'GET', path: '/api/v3/get-profile', body: 'none' },
  { method: 'POST', path: '/api/v3/update-profile', body: 'json', sample: { nickname: 'n' } },
  {
    method: 'POST',
    path: '/api/v3/update-password',
    body: 'json',
    sample: { newPassword: 'new-pass', oldPassword: 'old-pass' },
  },
  {
    method: 'POST',
    path: '/api/v3/send-sms',
    body: 'json',
    sample: { phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' },
  },
  {
    method: 'POST',
    path: '/api/v3/send-email',
    body: 'json',
    sample: { email: 'a@example.com', channel: 'CHANNEL_LOGIN' },
  },
  {
    method: 'POST',
    path: '/api/v3/bind-email',
    body: 'json',
    sample: { email: 'a@example.com', passCode: '1' },
  },
  {
    method: 'POST',
    path: '/api/v3/verify-update-email-request',
    body: 'json',
    sample: {
      verifyMethod: 'EMAIL_PASSCODE',
      emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '1' },
    },
  },
  { method: 'POST', path: '/api/v3/update-email', body: 'json', sample: { updateEmailToken: 't' } },
  {
    method: 'POST',
    path: '/api/v3/bind-phone',
    body: 'json',
    sample: { phoneNumber: '13800000000', passCode: '1' },
  },
  {
    method: 'POST',
    path: '/api/v3/verify-update-phone-request',
    body: 'json',
    sample: {
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: { newPhoneNumber: '13800000000', newPhonePassCode: '1' },
    },
  },
  { method: 'POST', path: '/api/v3/update-phone', body: 'json', sample: { updatePhoneToken: 't' } },
  {
    method: 'POST',
    path: '/api/v3/verify-delete-account-request',
    body: 'json',
    sample: { verifyMethod: 'PASSWORD', passwordPayload: { password: 'p' } },
  },
  {
    method: 'POST',
    path: '/api/v3/delete-account',
    body: 'json',
    sample: { deleteAccountToken: 't' },
  },
  {
    method: 'POST',
    path: '/api/v3/get-wechat-miniprogram-phone',
    body: 'json',
    sample: { ...CONN, code: 'a'.repeat(64) },
  },
  {
    method: 'POST',
    path: '/api/v3/decrypt-wechat-miniprogram-data',
    body: 'json',
    sample: { ...CONN, code: 'c', iv: 'aXY=', encryptedData: 'ZGF0YQ==' },
  },
  { method: 'POST', path: `${WX_BASE}/bind`, body: 'json', sample: { ...CONN, code: 'c' } },
  {
    method: 'POST',
    path: '/api/v3/get-wechat-access-token',
    body: 'json',
    sample: { appId: 'a', appSecret: 's' },
    unimplemented: true,
  },
  { method: 'GET', path: '/api/v3/nope', body: 'none' },
].map((r) => ({ format: 'v3', ...r }));

/** @type {Route[]} The OIDC provider (its discovery and JWKS answer in the REST format above). */
const OIDC = [
  {
    method: 'POST',
    path: '/oidc/token',
    body: 'json',
    sample: { grant_type: 'refresh_token', refresh_token: 'r', client_id: 'c' },
  },
  {
    method: 'POST',
    path: '/oidc/token/revocation',
    body: 'json',
    sample: { client_id: 'c', token: 't' },
  },
  {
    method: 'POST',
    path: '/oidc/token/introspection',
    body: 'json',
    sample: { client_id: 'c', client_secret: 's', token: 't' },
  },
  { method: 'GET', path: '/oidc/auth', body: 'none' },
  { method: 'POST', path: '/oidc/me', body: 'json', sample: { access_token: 'a.b.c' } },
  { method: 'GET', path: '/oidc/session/end', body: 'none' },
].map((r) => ({ format: 'oidc', ...r }));

/** The demo app of the default seed (`示例小程序`), a CAS client like every app. */
const DEMO_APP = 'ca9fa55070e1a4fffe1ffeae';

/** @type {Route[]} CAS 1.0 (text answers), on the demo app and on an unknown one. */
const CAS = [
  { method: 'GET', path: `/cas-idp/${DEMO_APP}`, body: 'none' },
  { method: 'GET', path: `/cas-idp/${DEMO_APP}/login`, body: 'none' },
  { method: 'GET', path: `/cas-idp/${DEMO_APP}/validate`, body: 'none' },
  { method: 'GET', path: '/cas-idp/000000000000000000000000/login', body: 'none' },
  { method: 'GET', path: '/cas-idp/000000000000000000000000/validate', body: 'none' },
  { method: 'GET', path: '/cas-idp/nope/nope', body: 'none' },
].map((r) => ({ format: 'cas', ...r }));

/** @type {Route[]} */
const GRAPHQL = [
  {
    method: 'POST',
    path: '/graphql/v2',
    body: 'json',
    sample: {
      query:
        'mutation sendEmail($email: String!, $scene: EmailScene!) { sendEmail(email: $email, scene: $scene) { code message } }',
      variables: { email: 'a@example.com', scene: 'RESET_PASSWORD' },
    },
  },
  {
    method: 'POST',
    path: '/graphql/v2',
    body: 'json',
    sample: { query: 'mutation { resetPasswordByForceResetToken(token: "t") { code } }' },
  },
  { method: 'GET', path: '/graphql/v2', body: 'none' },
  { method: 'POST', path: '/graphql/v3', body: 'json', sample: { query: '{ a }' } },
].map((r) => ({ format: 'graphql', ...r }));

/** @type {Route[]} The web console: its page at both addresses, an unknown asset, another path. */
const CONSOLE = [
  { method: 'GET', path: '/', body: 'none' },
  { method: 'GET', path: '/__mock/ui/', body: 'none' },
  { method: 'GET', path: '/__mock/ui/assets/nope.js', body: 'none' },
  { method: 'GET', path: '/__mock/ui/nope', body: 'none' },
].map((r) => ({ format: 'console', ...r }));

/** Control bodies that are valid in shape but cheap: nothing here resets or mints much. */
const CONTROL_SAMPLES = {
  '/wechat/login': { appid: 'wx4f4bc4dec97d474b' },
  '/wechat/user-info': { appid: 'wx4f4bc4dec97d474b', openid: 'oNobody' },
  '/wechat/phone-number': { appid: 'wx4f4bc4dec97d474b', openid: 'oNobody' },
  '/wechat/users': { appid: 'wx0000000000000000' },
  '/wechat/sessions/expire': { appid: 'wx4f4bc4dec97d474b', openid: 'oNobody' },
  '/wechat/quota': { appid: 'wx0000000000000000' },
  '/wechat/plugin-login': {
    appid: 'wx4f4bc4dec97d474b',
    openid: 'oNobody',
    pluginAppid: 'wx4f4bc4dec97d474b',
  },
  '/wechat/payments': { appid: 'wx4f4bc4dec97d474b', openid: 'oNobody' },
  '/wechat/user-key': { appid: 'wx4f4bc4dec97d474b', openid: 'oNobody' },
  '/faults': { route: 'wechat.nope', errcode: -1 },
  '/clock': { advanceMs: 0 },
  // The console's user edit; the path's `:id` names nobody, so nothing changes.
  '/genauth/users/:id': { nickname: 'fuzz' },
};

/**
 * Control routes left out because a well-formed body would change the run itself: `POST /reset`
 * reloads the fixtures (of another seed), the bulk routes create users by the thousand.
 */
const isSkippedControl = (r) =>
  r.method === 'POST' && (r.path === '/reset' || r.path.endsWith('/bulk'));

/**
 * The control routes of `controlRoutes` (`[{method, path}]` as `GET /__mock/v1` lists them),
 * except the skipped ones, plus an unknown path.
 * @returns {Route[]}
 */
function controlRoutes(listed) {
  const routes = listed
    .filter((r) => !isSkippedControl(r))
    .map((r) => ({
      format: 'control',
      method: r.method,
      path: `/__mock/v1${r.path === '/' ? '' : r.path}`,
      body: r.method === 'POST' || r.method === 'PATCH' ? 'json' : 'none',
      sample: CONTROL_SAMPLES[r.path] ?? {},
    }));
  routes.push({
    format: 'control',
    method: 'POST',
    path: '/__mock/v1/nope',
    body: 'json',
    sample: {},
  });
  return routes;
}

/** Every fuzzed route, given the control routes the mock lists. */
const allRoutes = (listedControlRoutes) => [
  ...WECHAT,
  ...REST,
  ...V3,
  ...OIDC,
  ...CAS,
  ...GRAPHQL,
  ...CONSOLE,
  ...controlRoutes(listedControlRoutes),
];

module.exports = { allRoutes, isSkippedControl };
