/**
 * The component schemas more than one area's routes answer: the error body, the records the
 * listings and the state hold (WeChat and GenAuth users, sessions, faults, journal entries,
 * messages), the clock, and the state document's top level.
 */
import { FAULT_ROUTES } from '../fault-routes';
import {
  anyObject,
  anyStr,
  arrayOf,
  bool,
  described,
  int,
  mapOf,
  nullable,
  object,
  oneOfValues,
  pairsOf,
  ref,
  str,
  type JsonSchema,
} from './schema';

const LANGUAGES = ['zh_CN', 'en', 'zh_TW'] as const;

/** `{countryCode, purePhoneNumber}`, as WeChat users keep their phone. */
const wechatPhone = object({
  countryCode: str({ pattern: '^\\d{1,4}$' }),
  purePhoneNumber: str({ pattern: '^\\d{5,15}$' }),
});

const randomPosition = object({ counter: int(0), pool: anyStr });

/** Every component schema, by name. */
export const SCHEMAS: Record<string, JsonSchema> = {
  Error: described(
    'Every failure of the control surface: a machine-readable `error` and a message (a wrong method or path also names its `path`).',
    object({ error: str(), message: anyStr, path: anyStr }, ['path']),
  ),
  WechatPhone: wechatPhone,
  WechatApp: described(
    'A WeChat app of the mock, with its secret.',
    object({ appid: str(), secret: str(), name: anyStr, openPlatformId: nullable(str()) }),
  ),
  WechatUser: object({
    appid: str(),
    openid: str(),
    unionid: nullable(str()),
    nickName: anyStr,
    avatarUrl: anyStr,
    gender: oneOfValues([0, 1, 2]),
    city: anyStr,
    province: anyStr,
    country: anyStr,
    language: oneOfValues(LANGUAGES),
    phone: nullable(ref('WechatPhone')),
    blocked: bool,
    sessionKey: nullable(str()),
  }),
  Session: object({
    appid: str(),
    openid: str(),
    sessionKey: str(),
    createdAt: int(),
    expiresAt: int(),
  }),
  GenauthUser: described(
    'A GenAuth user as the state shows it: a password hash, never plaintext.',
    object({
      id: str(),
      poolId: str(),
      status: oneOfValues(['Activated', 'Suspended', 'Resigned', 'Archived']),
      username: nullable(anyStr),
      email: nullable(anyStr),
      emailVerified: bool,
      phone: nullable(anyStr),
      phoneVerified: bool,
      phoneCountryCode: nullable(anyStr),
      unionid: nullable(anyStr),
      openid: nullable(anyStr),
      nickname: nullable(anyStr),
      registerSource: arrayOf(anyStr),
      photo: anyStr,
      passwordHash: nullable(anyStr),
      passwordLevel: nullable(oneOfValues([1, 2, 3])),
      subAccount: nullable(anyStr),
      oauth: nullable(anyStr),
      loginsCount: int(0),
      lastLogin: nullable(anyStr),
      lastIP: nullable(anyStr),
      signedUp: nullable(anyStr),
      blocked: bool,
      profile: mapOf(nullable(anyStr)),
      createdAt: anyStr,
      updatedAt: anyStr,
      externalId: nullable(anyStr),
      identities: arrayOf(anyObject),
      udv: anyObject,
    }),
  ),
  GenauthApp: object({
    id: str(),
    name: anyStr,
    tokenAlgorithm: oneOfValues(['HS256', 'RS256']),
    connection: described(
      'The mini-program connection; `identifier` is its `extIdpConnidentifier` (GenAuth v3).',
      nullable(object({ id: str(), identifier: str(), appid: str() })),
    ),
  }),
  Fault: object({
    id: int(1),
    route: oneOfValues(Object.keys(FAULT_ROUTES)),
    errcode: int(),
    errmsg: anyStr,
    times: described('Calls left.', int(0)),
    appid: nullable(str()),
    delayMs: int(0),
  }),
  Clock: object({
    now: described('Epoch milliseconds.', int()),
    iso: described('The same instant, ISO 8601.', str({ format: 'date-time' })),
  }),
  Message: described(
    'An SMS or e-mail code the GenAuth side sent.',
    object({
      seq: int(1),
      poolId: str(),
      channel: oneOfValues(['sms', 'email']),
      to: str(),
      scene: anyStr,
      code: str(),
      sentAt: int(),
      expiresAt: int(),
      used: bool,
    }),
  ),
  JournalEntry: described(
    'One request the mock answered (control requests excluded).',
    object(
      {
        seq: int(1),
        at: described('Epoch milliseconds, on the mock clock.', int()),
        method: str(),
        path: str(),
        query: anyObject,
        headers: mapOf(anyStr),
        body: described(
          'The parsed body, when the route parsed one; the start of its JSON text when truncated.',
          {},
        ),
        bodyTruncated: { const: true },
        bodyBytes: int(0),
        status: int(100, 599),
      },
      ['body', 'bodyTruncated', 'bodyBytes'],
    ),
  ),
  UserPageCursor: described(
    'Pass it back as `cursor` for the next page; null after the last page.',
    nullable(str()),
  ),
  RandomPosition: randomPosition,
  MockState: described(
    'The whole state (`version` 1): what `GET /state` streams and `PUT /state` reads back.',
    object({
      version: { const: 1 },
      seed: anyStr,
      now: described('The mock clock, epoch milliseconds.', int()),
      wechat: ref('WechatState'),
      genauth: ref('GenauthState'),
      demo: described('The demo tenancy; `{}` without a user pool.', anyObject),
      random: ref('RandomPosition'),
    }),
  ),
  WechatState: object({
    apps: arrayOf(ref('WechatApp')),
    users: arrayOf(ref('WechatUser')),
    sessions: arrayOf(ref('Session')),
    codes: arrayOf(anyObject),
    phoneCodes: arrayOf(anyObject),
    accessTokens: arrayOf(anyObject),
    stableQuota: mapOf(anyObject),
    latestToken: mapOf(anyStr),
    loginRate: pairsOf(anyObject),
    tables: anyObject,
    rids: ref('RandomPosition'),
    faultBook: object({
      nextId: int(1),
      pending: arrayOf(
        object({
          id: int(1),
          route: str(),
          errcode: int(),
          remaining: int(1),
          appid: nullable(str()),
          delayMs: int(0),
        }),
      ),
    }),
  }),
  GenauthState: object({
    pools: arrayOf(anyObject),
    revokedTokens: int(0),
    messages: arrayOf(ref('Message')),
    uploads: arrayOf(anyObject),
    revoked: arrayOf(anyStr),
    messageSeq: int(0),
    fixedCodes: mapOf(anyStr),
    uploadFiles: arrayOf(anyObject),
    oidc: anyObject,
    tables: anyObject,
  }),
};

/** The admin token, which only clients that are not loopback send. */
export const SECURITY_SCHEMES = {
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      "The mock's admin token (`--admin-token` or `GENAUTH_MOCK_ADMIN_TOKEN`). Only clients that are not loopback need it, and without a configured token they are refused (403 `admin_forbidden`).",
  },
};
