import type { ControlRouteInfo } from './types';

/** Every route of the control surface, as `GET /__mock/v1` lists them. */
export const CONTROL_ROUTES: readonly ControlRouteInfo[] = Object.freeze([
  { method: 'GET', path: '/', summary: 'this index of the control routes' },
  {
    method: 'GET',
    path: '/openapi.json',
    summary: 'an OpenAPI 3.1 document of every control route',
  },
  {
    method: 'POST',
    path: '/wechat/login',
    summary: 'wx.login: mint codes {appid, openid?, sessionKey?, count?}',
  },
  {
    method: 'POST',
    path: '/wechat/user-info',
    summary: 'getUserInfo payload {appid, openid}, under the current session key',
  },
  {
    method: 'POST',
    path: '/wechat/phone-number',
    summary: 'phone-number button detail {appid, openid, realtime?}, errno 1400001 without quota',
  },
  {
    method: 'POST',
    path: '/wechat/quota',
    summary:
      "set an app's phone-number quota {appid, fastVerify?, realtime?: {trial?, paid?, used?}}",
  },
  {
    method: 'GET',
    path: '/wechat/quota',
    summary: "an app's phone-number quota and use ?appid",
  },
  {
    method: 'POST',
    path: '/wechat/plugin-login',
    summary: 'wx.pluginLogin: a code for getpluginopenpid {appid, openid, pluginAppid}',
  },
  {
    method: 'POST',
    path: '/wechat/payments',
    summary: 'a WeChat Pay payment now, for getpaidunionid {appid, openid, transactionId?, …}',
  },
  {
    method: 'POST',
    path: '/wechat/user-key',
    summary: 'getLatestUserKey of the encrypted network channel {appid, openid}',
  },
  {
    method: 'POST',
    path: '/wechat/users',
    summary: 'create or update a WeChat user {appid, openid?, profile fields…}',
  },
  {
    method: 'POST',
    path: '/wechat/users/bulk',
    summary: 'create WeChat users in bulk {appid, count | users, returnIds?}',
  },
  {
    method: 'GET',
    path: '/wechat/users',
    summary: 'the users of an app, a page at a time ?appid&cursor&limit',
  },
  {
    method: 'GET',
    path: '/wechat/sessions',
    summary: 'the live session of ?appid&openid, or null',
  },
  { method: 'POST', path: '/wechat/sessions/expire', summary: 'end a session now {appid, openid}' },
  {
    method: 'GET',
    path: '/wechat/sessions/live',
    summary: 'the live sessions of an app, newest first ?appid&limit',
  },
  { method: 'GET', path: '/wechat/apps', summary: 'every WeChat app, with its secret' },
  {
    method: 'GET',
    path: '/wechat/codes',
    summary: 'the wx.login codes of an app not expired yet, newest first ?appid&limit',
  },
  {
    method: 'POST',
    path: '/faults',
    summary: 'inject a WeChat or GenAuth fault {route, errcode, times?, appid?, delayMs?}',
  },
  { method: 'GET', path: '/faults', summary: 'pending faults, oldest first' },
  { method: 'DELETE', path: '/faults', summary: 'drop every pending fault' },
  { method: 'GET', path: '/clock', summary: 'the mock clock {now, iso}' },
  { method: 'POST', path: '/clock', summary: 'move the clock {advanceMs} or set it {now}' },
  { method: 'GET', path: '/state', summary: 'the whole state as JSON, streamed' },
  {
    method: 'PUT',
    path: '/state',
    summary: 'replace the whole state with a GET /state document (up to 256 MiB)',
  },
  {
    method: 'GET',
    path: '/demo',
    summary: 'the demo tenancy: pool, apps, accounts with passwords, codes',
  },
  {
    method: 'POST',
    path: '/reset',
    summary: 'back to the seeded state {seed?}, journal and faults cleared',
  },
  {
    method: 'GET',
    path: '/requests',
    summary: 'the request journal ?path&method&after, newest last',
  },
  {
    method: 'GET',
    path: '/requests/events',
    summary: 'the journal as server-sent events ?after (Accept: text/event-stream)',
  },
  { method: 'DELETE', path: '/requests', summary: 'clear the request journal' },
  { method: 'GET', path: '/messages', summary: 'SMS and e-mail codes sent ?to&pool, newest last' },
  {
    method: 'GET',
    path: '/messages/recent',
    summary: 'the newest SMS and e-mail codes to anyone ?pool&limit, newest first',
  },
  {
    method: 'POST',
    path: '/genauth/users/bulk',
    summary: 'create GenAuth accounts in bulk {poolId, users, returnIds?}',
  },
  {
    method: 'GET',
    path: '/genauth/users',
    summary: 'the users of a pool, a page at a time ?poolId&q&cursor&limit (q: search)',
  },
  {
    method: 'GET',
    path: '/genauth/pools',
    summary: 'every user pool with its apps and user count',
  },
  { method: 'GET', path: '/genauth/users/:id', summary: 'one GenAuth user by id' },
  {
    method: 'PATCH',
    path: '/genauth/users/:id',
    summary: 'change a GenAuth user {nickname?, username?, email?, phone?, blocked?, …}',
  },
  { method: 'DELETE', path: '/genauth/users/:id', summary: 'delete a GenAuth user' },
]);
