/** The simulated WeChat client's routes (`/wechat/…`). */
import { BULK_BODY_LIMIT } from '../bulk-body';
import { LIMITS } from '../values';
import { atMostParam, bulkCreated, USER_PAGE_QUERY, userPage } from './lists';
import type { OperationTable } from './operation';
import {
  anyStr,
  arrayOf,
  bool,
  closed,
  constant,
  described,
  fields,
  int,
  nullable,
  object,
  oneOfValues,
  ref,
  str,
  type JsonSchema,
} from './schema';

const UNKNOWN = { '404': ['unknown_app', 'unknown_user'] } as const;

const appid = described('A WeChat app of the fixtures.', str());
const openid = described('A user of that app.', str());
const userRef = fields({ appid, openid }, ['appid', 'openid']);
const sessionKey = described('base64 of 16 bytes', str({ pattern: '^[A-Za-z0-9+/]{21}[AQgw]==$' }));
const newOpenid = str({ pattern: '^[A-Za-z0-9_-]{6,64}$' });
const gender = oneOfValues([0, 1, 2]);
const language = oneOfValues(['zh_CN', 'en', 'zh_TW']);
const phone = described(
  'Digits (a mainland number), `{countryCode, purePhoneNumber}`, or null (no phone).',
  {
    anyOf: [str({ pattern: '^\\d{5,15}$' }), ref('WechatPhone'), { type: 'null' }],
  },
);
const code = str();

const quotaChange = closed({ trial: int(0, 1e9), paid: int(0, 1e9), used: int(0, 1e9) });
const quotaProduct = object({
  spuId: str(),
  trial: int(0),
  paid: int(0),
  used: int(0),
  remaining: int(0),
  unitPriceFen: int(0),
});
const quota = object({ appid: str(), fastVerify: quotaProduct, realtime: quotaProduct });

const bulkUser: JsonSchema = closed({
  openid: newOpenid,
  unionid: nullable(str()),
  nickName: str(),
  avatarUrl: str(),
  gender,
  city: anyStr,
  province: anyStr,
  country: anyStr,
  language,
  phone,
  blocked: bool,
  sessionKey,
});

/** `?appid&limit` of the per-app listings, newest first. */
const appListQuery = {
  appid: { schema: appid, required: true },
  limit: atMostParam,
};

/** `/wechat/…`, keyed as in `CONTROL_ROUTES`. */
export const WECHAT_OPERATIONS: OperationTable = {
  'POST /wechat/login': {
    description:
      'Single-use 32-character codes, valid 5 minutes; a new user without `openid`. `codes` only with `count`.',
    body: {
      schema: fields({ appid, openid, sessionKey, count: int(...LIMITS.loginCount) }, ['appid']),
    },
    ok: {
      '200': object({ code, openid: str(), codes: arrayOf(code, 1) }, ['codes']),
    },
    fails: UNKNOWN,
  },
  'POST /wechat/user-info': {
    body: { schema: userRef },
    ok: {
      '200': object({
        userInfo: object({
          nickName: anyStr,
          gender,
          language,
          city: anyStr,
          province: anyStr,
          country: anyStr,
          avatarUrl: anyStr,
        }),
        rawData: str(),
        signature: described(
          'sha1(rawData + session_key), hex',
          str({ pattern: '^[0-9a-f]{40}$' }),
        ),
        encryptedData: str(),
        iv: str(),
      }),
    },
    fails: UNKNOWN,
  },
  'POST /wechat/phone-number': {
    description:
      'Without `realtime`: the fast-verify success detail (409 `no_quota` once the quota is used up). With it: the detail of that button, `errno` 1400001 without quota.',
    body: { schema: fields({ appid, openid, realtime: bool }, ['appid', 'openid']) },
    ok: {
      '200': {
        oneOf: [
          object({
            errMsg: constant('getPhoneNumber:ok'),
            code: str({ pattern: '^[0-9a-f]{64}$' }),
            encryptedData: str(),
            iv: str(),
          }),
          object({
            errMsg: constant('getRealtimePhoneNumber:ok'),
            code: str({ pattern: '^[0-9a-f]{64}$' }),
          }),
          object({ errMsg: str({ pattern: ':fail no quota$' }), errno: constant(1400001) }),
        ],
      },
    },
    fails: { ...UNKNOWN, '409': ['no_phone', 'no_quota'] },
  },
  'POST /wechat/quota': {
    description: 'Every field is checked before anything changes.',
    body: {
      schema: closed({ appid, fastVerify: quotaChange, realtime: quotaChange }, ['appid']),
    },
    ok: { '200': quota },
    fails: { '404': ['unknown_app'] },
  },
  'GET /wechat/quota': {
    query: { appid: { schema: appid, required: true } },
    ok: { '200': quota },
    fails: { '400': ['invalid_field'], '404': ['unknown_app'] },
  },
  'POST /wechat/plugin-login': {
    body: {
      schema: fields({ appid, openid, pluginAppid: str() }, ['appid', 'openid', 'pluginAppid']),
    },
    ok: { '200': object({ code: str() }) },
    fails: UNKNOWN,
  },
  'POST /wechat/payments': {
    description: 'Absent ids are minted; getpaidunionid accepts the payment for 5 minutes.',
    body: {
      schema: fields({ appid, openid, transactionId: str(), mchId: str(), outTradeNo: str() }, [
        'appid',
        'openid',
      ]),
    },
    ok: {
      '201': object({
        appid: str(),
        openid: str(),
        transactionId: str(),
        mchId: str(),
        outTradeNo: str(),
        paidAt: described('Epoch milliseconds.', int()),
      }),
    },
    fails: UNKNOWN,
  },
  'POST /wechat/user-key': {
    body: { schema: userRef },
    ok: {
      '200': object({
        encryptKey: str(),
        iv: str({ pattern: '^[0-9a-f]{16}$' }),
        version: int(1),
        expireTime: described('Epoch seconds.', int()),
      }),
    },
    fails: UNKNOWN,
  },
  'POST /wechat/users': {
    description:
      'Updates user `openid` of `appid`, or creates it (a new openid when absent): 201 when created. The whole body is checked before anything changes.',
    body: {
      schema: fields(
        {
          appid,
          openid: newOpenid,
          nickName: str(),
          nickname: described('Alias of `nickName`.', str()),
          avatarUrl: str(),
          avatar: described('Alias of `avatarUrl`.', str()),
          city: anyStr,
          province: anyStr,
          country: anyStr,
          gender,
          language,
          phone,
          unionid: described('Only in apps bound to an open platform.', nullable(str())),
          blocked: bool,
        },
        ['appid'],
      ),
    },
    ok: {
      '200': {
        json: object({ user: ref('WechatUser'), created: constant(false) }),
        description: 'The user was updated',
      },
      '201': {
        json: object({ user: ref('WechatUser'), created: constant(true) }),
        description: 'The user was created',
      },
    },
    fails: { '404': ['unknown_app'] },
  },
  'POST /wechat/users/bulk': {
    description:
      'Exactly one of `count` and `users`; all or nothing: every field is checked before anyone is created.',
    body: {
      schema: {
        ...closed(
          {
            appid,
            count: int(...LIMITS.bulkUsers),
            users: arrayOf(bulkUser, ...LIMITS.bulkUsers),
            returnIds: bool,
          },
          ['appid'],
        ),
        oneOf: [{ required: ['count'] }, { required: ['users'] }],
      },
      limit: BULK_BODY_LIMIT,
    },
    ok: {
      '201': bulkCreated('appid', 'openid'),
    },
    fails: { '404': ['unknown_app'], '409': ['user_exists'] },
  },
  'GET /wechat/users': {
    description: 'In creation order; a cursor belongs to its app.',
    query: { appid: { schema: appid, required: true }, ...USER_PAGE_QUERY },
    ok: { '200': userPage('WechatUser') },
    fails: { '400': ['invalid_field'], '404': ['unknown_app'], '410': ['stale_cursor'] },
  },
  'GET /wechat/sessions': {
    query: { appid: { schema: appid, required: true }, openid: { schema: openid, required: true } },
    ok: { '200': object({ session: nullable(ref('Session')) }) },
    fails: { '400': ['invalid_field'], ...UNKNOWN },
  },
  'POST /wechat/sessions/expire': {
    body: { schema: userRef },
    ok: { '200': object({ expired: described('Whether there was a live session.', bool) }) },
    fails: UNKNOWN,
  },
  'GET /wechat/sessions/live': {
    description: 'The sessions of the app that have not expired, newest first.',
    query: appListQuery,
    ok: { '200': object({ sessions: arrayOf(ref('Session')) }) },
    fails: { '400': ['invalid_field'], '404': ['unknown_app'] },
  },
  'GET /wechat/apps': {
    ok: { '200': object({ apps: arrayOf(ref('WechatApp')) }) },
  },
  'GET /wechat/codes': {
    description: 'The `wx.login` codes of the app whose 5 minutes are not over, used or not.',
    query: appListQuery,
    ok: {
      '200': object({
        codes: arrayOf(
          object({
            code: str(),
            appid: str(),
            openid: str(),
            issuedAt: int(),
            usedAt: nullable(int()),
            expiresAt: described('When it stops being accepted, epoch milliseconds.', int()),
          }),
        ),
      }),
    },
    fails: { '400': ['invalid_field'], '404': ['unknown_app'] },
  },
};
