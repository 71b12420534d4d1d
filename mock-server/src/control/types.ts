/**
 * The public types of the control API: {@link ControlApi} (in-process, `mock.control`) and
 * {@link ControlClient} (the same over HTTP). Type-only: importing this module loads nothing.
 */
import type {
  DirectoryAccountFixture,
  GenauthAppFixture,
  OrgFixture,
  UdfFixture,
  WechatAppFixture,
  WechatUserFixture,
} from '@genauth-wxapp/fixtures';

import type { MessageRecord } from '../genauth/model/types';
import type { JournalEntry } from '../journal';
import type { Payment } from '../wechat/payment-record';
import type { AccessToken } from '../wechat/state';
import type { FaultErrcode as Errcode, FaultRoute } from './fault-routes';

export type { FaultErrcode, FaultRoute } from './fault-routes';
export type { JournalEntry } from '../journal';

/** A WeChat user of one app, as the mock holds it. */
export type WechatUserView = WechatUserFixture;

/** The (app, user) pair most WeChat controls act on. */
export interface WechatUserRef {
  /** A WeChat app of the fixtures. */
  appid: string;
  /** A user of that app. */
  openid: string;
}

/** Input of `wechat.login` (`wx.login`). */
export interface LoginInput {
  appid: string;
  /** The user logging in; absent = a new user is created. */
  openid?: string;
  /** Pins the session_key (base64 of 16 bytes) instead of the session-key policy. */
  sessionKey?: string;
  /** How many codes to mint (1–1000). @default 1 */
  count?: number;
}

/** What `wechat.login` mints: single-use 32-character codes, valid 5 minutes. */
export interface LoginResult {
  /** The first code (`codes[0]`). */
  code: string;
  openid: string;
  codes: string[];
}

/** What `getUserInfo` with credentials hands a page, under the user's current session key. */
export interface UserInfoResult {
  userInfo: Pick<
    WechatUserFixture,
    'nickName' | 'gender' | 'language' | 'city' | 'province' | 'country' | 'avatarUrl'
  >;
  rawData: string;
  /** sha1(rawData + session_key), hex. */
  signature: string;
  encryptedData: string;
  iv: string;
}

/** What the getPhoneNumber button puts in `e.detail`: a phone code and the legacy payload. */
export interface PhoneNumberResult {
  /** `getPhoneNumber:ok`. */
  errMsg: string;
  /** Single-use 64-hex phone code for `/wxa/business/getuserphonenumber` (5 minutes). */
  code: string;
  encryptedData: string;
  iv: string;
}

/**
 * Input of `wechat.phoneNumber` naming the button the user taps: the answer is then the detail
 * its handler receives, success or not (an exhausted quota gives {@link PhoneNumberNoQuota}).
 */
export interface PhoneNumberInput extends WechatUserRef {
  /**
   * `true`: the real-time button (`open-type="getRealtimePhoneNumber"`, event
   * `bindgetrealtimephonenumber`, 0.04 CNY a call); `false`: the fast-verify button
   * (`open-type="getPhoneNumber"`, `bindgetphonenumber`, 0.03 CNY).
   */
  realtime: boolean;
}

/**
 * What the real-time button puts in `e.detail`: a phone code for the same
 * `/wxa/business/getuserphonenumber` exchange, and no encrypted payload.
 */
export interface RealtimePhoneNumberResult {
  /** `getRealtimePhoneNumber:ok`. */
  errMsg: string;
  /** Single-use 64-hex phone code (5 minutes). */
  code: string;
}

/** What a phone-number button puts in `e.detail` when the app's quota is used up: no code. */
export interface PhoneNumberNoQuota {
  /** `getPhoneNumber:fail no quota` (or `getRealtimePhoneNumber:fail no quota`). */
  errMsg: string;
  errno: 1400001;
}

/** Every detail a phone-number button hands its handler: a success of either button, or no quota. */
export type PhoneNumberDetail = PhoneNumberResult | RealtimePhoneNumberResult | PhoneNumberNoQuota;

/** A change to one product's phone-number quota: any of its packages and its use. */
export interface PhoneQuotaInput {
  /** Calls of the trial package (0–1e9). @default 1000 */
  trial?: number;
  /** Calls of the paid packages (0–1e9). @default 0 */
  paid?: number;
  /** Successful calls so far, the trial used first (0–1e9). @default 0 */
  used?: number;
}

/** Input of `wechat.setQuota`: the products to change, for one app. */
export interface SetQuotaInput {
  appid: string;
  /** The fast-verify button (`getPhoneNumber`). */
  fastVerify?: PhoneQuotaInput;
  /** The real-time button (`getRealtimePhoneNumber`). */
  realtime?: PhoneQuotaInput;
}

/** One product's phone-number quota of an app. */
export interface PhoneQuotaProductView {
  /** Its `spuId` on `/wxa/charge/usage/get` (the mock's own id). */
  spuId: string;
  trial: number;
  paid: number;
  used: number;
  /** `trial + paid - used`, never below 0: 0 means the button answers errno 1400001. */
  remaining: number;
  /** Price of one successful call, in fen. */
  unitPriceFen: number;
}

/** The phone-number quota of an app, per product. */
export interface PhoneQuotaView {
  appid: string;
  fastVerify: PhoneQuotaProductView;
  realtime: PhoneQuotaProductView;
}

/** Input of `wechat.pluginLogin`: a user of the host app `appid` logs in to a plugin. */
export interface PluginLoginInput extends WechatUserRef {
  /** The plugin's appid: an app of the fixtures, whose access token getpluginopenpid takes. */
  pluginAppid: string;
}

/** What `wx.pluginLogin` hands the plugin: a single-use code for getpluginopenpid (5 minutes). */
export interface PluginLoginResult {
  code: string;
}

/** Input of `wechat.pay`: a WeChat Pay payment by the user, now; absent ids are minted. */
export interface PaymentInput extends WechatUserRef {
  transactionId?: string;
  mchId?: string;
  outTradeNo?: string;
}

/** A payment getpaidunionid accepts for 5 minutes after `paidAt` (epoch milliseconds). */
export type PaymentView = Payment;

/** What `wx.getUserCryptoManager().getLatestUserKey` hands a page. */
export interface UserKeyResult {
  /** Base64 of 16 bytes. */
  encryptKey: string;
  /** 16 hex characters. */
  iv: string;
  version: number;
  /** When the key stops being the latest, epoch seconds (it lives 3600 s). */
  expireTime: number;
}

/**
 * Input of `wechat.upsertUser`: updates user `openid` of `appid`, or creates it (a new openid
 * when absent). Every field is validated before anything changes.
 */
export interface UpsertUserInput {
  appid: string;
  openid?: string;
  nickName?: string;
  /** Alias of `nickName`. */
  nickname?: string;
  avatarUrl?: string;
  /** Alias of `avatarUrl`. */
  avatar?: string;
  city?: string;
  province?: string;
  country?: string;
  gender?: 0 | 1 | 2;
  language?: 'zh_CN' | 'en' | 'zh_TW';
  /** A mainland number string, `{countryCode, purePhoneNumber}`, or null (no phone). */
  phone?: string | { countryCode: string; purePhoneNumber: string } | null;
  /** Only in apps bound to an open platform; null removes it. */
  unionid?: string | null;
  /** A blocked user's codes answer 40226. */
  blocked?: boolean;
}

/** What `wechat.upsertUser` did. */
export interface UpsertUserResult {
  user: WechatUserView;
  created: boolean;
}

/** The one live session of a (user, app). */
export interface SessionView {
  appid: string;
  openid: string;
  sessionKey: string;
  createdAt: number;
  expiresAt: number;
}

/** Input of `faults.add`. */
export interface FaultInput {
  route: FaultRoute;
  /**
   * For `wechat.*` routes an errcode of `ERRCODES`, answered with its usual errmsg; for
   * `genauth.*` routes a GenAuth code (`200`: only delay the operation).
   */
  errcode: Errcode;
  /** How many calls to fault (1–1000). @default 1 */
  times?: number;
  /**
   * Only calls for this (known) app match: a WeChat appid for `wechat.*` routes, a GenAuth app id
   * for `genauth.*` ones. @default any call of the route
   */
  appid?: string;
  /** How long the answer is held, in milliseconds on the mock's `timers` (0–60000). @default 0 */
  delayMs?: number;
}

/** A pending fault. */
export interface FaultView {
  id: number;
  route: FaultRoute;
  errcode: Errcode;
  errmsg: string;
  /** Calls left. */
  times: number;
  appid: string | null;
  delayMs: number;
}

/**
 * One user of `wechat.bulkCreateUsers`: absent profile fields take WeChat's default profile
 * (`微信用户`, the grey avatar), an absent openid (and unionid, in apps bound to an open
 * platform) comes from the seeded stream.
 */
export interface WechatBulkUserSpec {
  /** 6 to 64 characters of `[A-Za-z0-9_-]`, new in the app. */
  openid?: string;
  /** Only in apps bound to an open platform. */
  unionid?: string | null;
  nickName?: string;
  avatarUrl?: string;
  gender?: 0 | 1 | 2;
  city?: string;
  province?: string;
  country?: string;
  language?: 'zh_CN' | 'en' | 'zh_TW';
  /** A mainland number string, `{countryCode, purePhoneNumber}`, or null (no phone). */
  phone?: string | { countryCode: string; purePhoneNumber: string } | null;
  /** A blocked user's codes answer 40226. */
  blocked?: boolean;
  /** A session_key (base64 of 16 bytes) every login of the user keeps. */
  sessionKey?: string;
}

/** Input of `wechat.bulkCreateUsers`: exactly one of `count` and `users` (1–100000 users). */
export interface WechatBulkInput {
  appid: string;
  /** How many users with the default profile. */
  count?: number;
  /** One user per spec. */
  users?: WechatBulkUserSpec[];
  /** Also answer every new openid, in order. @default false */
  returnIds?: boolean;
}

/** What `wechat.bulkCreateUsers` created: a summary, not the users. */
export interface WechatBulkResult {
  appid: string;
  created: number;
  firstOpenid: string;
  lastOpenid: string;
  /** Every new openid, in order; only with `returnIds`. */
  openids?: string[];
}

/** One account of `genauth.bulkCreateUsers`; absent fields take the defaults of a registration. */
export interface GenauthBulkUserSpec {
  email?: string;
  username?: string;
  /** Digits with an optional `+`. */
  phone?: string;
  nickname?: string;
  /** Plaintext; hashed once per distinct password per call. */
  password?: string;
  /** A `scrypt$<salt hex>$<64 hex>` hash, stored as is (instead of `password`). */
  passwordHash?: string;
  /** The strength stored with `passwordHash` (1–3). @default 1 */
  passwordLevel?: 1 | 2 | 3;
  subAccount?: string;
  externalId?: string;
  unionid?: string;
  openid?: string;
}

/** Input of `genauth.bulkCreateUsers` (1–100000 users). */
export interface GenauthBulkInput {
  poolId: string;
  users: GenauthBulkUserSpec[];
  /** Also answer every new user id, in order. @default false */
  returnIds?: boolean;
}

/** What `genauth.bulkCreateUsers` created: a summary, not the users. */
export interface GenauthBulkResult {
  poolId: string;
  created: number;
  firstId: string;
  lastId: string;
  /** Every new user id, in order; only with `returnIds`. */
  ids?: string[];
}

/** A page of a user listing: `limit` (1–1000, default 100) users after `cursor`. */
export interface PageQuery {
  /** The `nextCursor` of the previous page; absent = the first page. */
  cursor?: string;
  /** @default 100 */
  limit?: number;
}

/** One page of users and the cursor of the next one (null after the last page). */
export interface UserPage<T> {
  users: T[];
  nextCursor: string | null;
}

/** A GenAuth user as `GET /__mock/v1/state` shows it (a password hash, never plaintext). */
export type GenauthUserView = { id: string } & Record<string, unknown>;

/** Query of `genauth.listUsers`: a page of one pool's users, those matching `q` when given. */
export interface GenauthUserQuery extends PageQuery {
  poolId: string;
  /**
   * Only users whose id, e-mail, username, phone, nickname, openid or unionid contains this text
   * (case-insensitively; 1–200 characters).
   */
  q?: string;
}

/** A GenAuth user named by id (ids are unique across pools). */
export interface GenauthUserRef {
  id: string;
}

/**
 * Input of `genauth.updateUser`: the user `id` and the fields to change; `null` clears an
 * identifier. Every field is checked (types, formats, identifiers free in the pool) before any
 * changes.
 */
export interface GenauthUserPatch extends GenauthUserRef {
  nickname?: string | null;
  username?: string | null;
  email?: string | null;
  /** Digits with an optional `+`. */
  phone?: string | null;
  photo?: string;
  externalId?: string | null;
  emailVerified?: boolean;
  phoneVerified?: boolean;
  /** A blocked user cannot sign in. */
  blocked?: boolean;
  status?: 'Activated' | 'Suspended' | 'Resigned' | 'Archived';
}

/** A user pool: its apps and how many users it holds. */
export interface GenauthPoolSummary {
  id: string;
  name: string;
  userCount: number;
  apps: GenauthPoolView['apps'];
}

/** The mock clock. */
export interface ClockView {
  /** Epoch milliseconds. */
  now: number;
  /** The same instant as an ISO string. */
  iso: string;
}

/** Filter of `journal.list`: exact path, method in any case, entries after a `seq`. */
export interface JournalFilter {
  path?: string;
  method?: string;
  /** Only entries whose `seq` is greater (what a follower has already seen). */
  after?: number;
}

/** Query of `messages.list`. */
export interface MessagesQuery {
  /** A phone number or e-mail address. */
  to: string;
  /** Only messages of this user pool. */
  pool?: string;
}

/** Options of `journal.follow`. */
export interface JournalFollowOptions {
  /** Start after this `seq` (0: the whole journal kept); absent = only entries to come. */
  after?: number;
  /** Ends the iteration when it aborts. */
  signal?: AbortSignal;
}

/** Query of `messages.recent`: the newest `limit` messages (1–1000, default 100). */
export interface RecentMessagesQuery {
  /** Only messages of this user pool. */
  pool?: string;
  limit?: number;
}

/** An SMS or e-mail code the GenAuth side "sent": a copy of its outbox record. */
export type MessageView = MessageRecord;

/** What `reset` answers. */
export interface ResetResult {
  reset: true;
  /** The seed the state was rebuilt from. */
  seed: string;
}

/** An app of the demo pool. */
export interface MockDemoApp {
  appId: string;
  name: string;
  tokenAlgorithm: GenauthAppFixture['tokenAlgorithm'];
  /** The WeChat appid of the app's mini-program connection, or null without one. */
  wechatAppid: string | null;
  /** The connection's `extIdpConnidentifier` (GenAuth v3 logins), or null without one. */
  extIdpConnidentifier: string | null;
}

/** A demo account with its plaintext demo password (the store keeps only a hash). */
export interface MockDemoAccount {
  id: string;
  email: string | null;
  username: string | null;
  phone: string | null;
  subAccount: string | null;
  password: string | null;
}

/** An LDAP / AD directory account of the demo pool. */
export type MockDemoDirectoryEntry = Pick<
  DirectoryAccountFixture,
  'kind' | 'username' | 'password'
>;

/** A fixed verification code (sent instead of a random one). */
export interface MockDemoFixedCode {
  to: string;
  code: string;
}

/** The demo tenancy: the first user pool, its apps, accounts, directory and fixed codes. */
export interface MockDemo {
  userPoolId: string;
  userPoolName: string;
  apps: MockDemoApp[];
  accounts: MockDemoAccount[];
  directory: MockDemoDirectoryEntry[];
  fixedCodes: MockDemoFixedCode[];
  /** A second pool (for isolation tests), or null. */
  otherUserPoolId: string | null;
  /** The demo WeChat user (pinned session key): `wx.login` codes for it log in as the demo. */
  wechat: MockDemoWechatUser | null;
}

/** The demo WeChat user of {@link MockDemo}. */
export interface MockDemoWechatUser {
  appid: string;
  openid: string;
  unionid: string | null;
  /** Its pinned session key, or null when each login mints one. */
  sessionKey: string | null;
}

/** A `wx.login` or phone code as the state lists it. */
export interface CodeView {
  code: string;
  appid: string;
  openid: string;
  issuedAt: number;
  usedAt: number | null;
}

/** A `wx.login` code that has not expired yet, used or not. */
export interface PendingCodeView extends CodeView {
  /** When it stops being accepted (40029 from then on), epoch milliseconds. */
  expiresAt: number;
}

/** Query of the per-app WeChat listings: the newest `limit` (1–1000, default 100) of `appid`. */
export interface AppListQuery {
  appid: string;
  limit?: number;
}

/** A WeChat app of the mock, with its secret. */
export type WechatAppView = WechatAppFixture;

/** An access token of either family: a copy of its record. */
export type AccessTokenView = AccessToken;

/** The WeChat part of {@link MockState}. */
export interface WechatStateView {
  /** Apps with their secrets. */
  apps: WechatAppFixture[];
  users: WechatUserView[];
  sessions: SessionView[];
  codes: CodeView[];
  phoneCodes: CodeView[];
  accessTokens: AccessTokenView[];
  /** stable_token force-refresh bookkeeping, by appid. */
  stableQuota: Record<string, { day: number; forced: number; lastForcedAt: number | null }>;
  /** The newest token of each family, keyed by `family:appid`. */
  latestToken: Record<string, string>;
  /** jscode2session calls per user (`appid:openid`) in their minute, oldest first. */
  loginRate: [string, { minute: number; count: number }][];
  /**
   * The tables of the WeChat features, as `[key, record]` pairs oldest first: phone-number quota
   * by appid, encrypt keys by user, payments (`{byTransaction, byOrder}`), plugin codes, the
   * phone payloads `checkencryptedmsg` knows.
   */
  tables: {
    phoneQuota: [string, Record<string, unknown>][];
    encryptKeys: [string, Record<string, unknown>[]][];
    payments: {
      byTransaction: [string, Record<string, unknown>][];
      byOrder: [string, Record<string, unknown>][];
    };
    pluginCodes: [string, Record<string, unknown>][];
    encryptedMsgs: [string, Record<string, unknown>][];
  };
  /** Where the stream of error `rid`s is. */
  rids: RandomPositionView;
  /** Pending faults and the id the next one gets. */
  faultBook: { nextId: number; pending: FaultView[] };
}

/** A seeded random stream's place: blocks drawn and the unread bytes of the last one (hex). */
export interface RandomPositionView {
  counter: number;
  pool: string;
}

/** A user pool in {@link MockState} (users carry password hashes, never plaintext). */
export interface GenauthPoolView {
  id: string;
  name: string;
  apps: {
    id: string;
    name: string;
    tokenAlgorithm: GenauthAppFixture['tokenAlgorithm'];
    /** `identifier` is the connection's `extIdpConnidentifier` (GenAuth v3). */
    connection: { id: string; identifier: string; appid: string } | null;
  }[];
  users: GenauthUserView[];
  udfs: UdfFixture[];
  orgs: OrgFixture[];
}

/** The GenAuth part of {@link MockState}. */
export interface GenauthStateView {
  pools: GenauthPoolView[];
  revokedTokens: number;
  messages: MessageView[];
  uploads: { key: string; mimetype: string; size: number }[];
  /** The tokens revoked by logout that have not expired yet. */
  revoked: string[];
  /** `seq` of the last message sent. */
  messageSeq: number;
  /** Fixed verification codes, by recipient. */
  fixedCodes: Record<string, string>;
  /** The uploaded files with their bytes (base64). */
  uploadFiles: { key: string; mimetype: string; originalName: string; data: string }[];
  /** The OIDC provider's codes, refresh and access tokens and sessions, as `[key, record]`. */
  oidc: {
    codes: [string, Record<string, unknown>][];
    refreshTokens: [string, Record<string, unknown>][];
    accessTokens: [string, Record<string, unknown>][];
    sessions: [string, Record<string, unknown>][];
  };
  /** CAS tickets and v3 pending changes as `[key, record]`, and the count of v3 failures. */
  tables: {
    casTickets: [string, Record<string, unknown>][];
    v3Pending: [string, Record<string, unknown>][];
    v3RequestSeq: number;
  };
}

/** The whole state as JSON (`GET /__mock/v1/state`). */
export interface MockState {
  /** The version of the document (what `importState` reads): 1. */
  version: number;
  seed: string;
  /** The mock clock, epoch milliseconds. */
  now: number;
  wechat: WechatStateView;
  genauth: GenauthStateView;
  /** The demo tenancy; `{}` when the fixtures have no user pool. */
  demo: MockDemo | Record<string, never>;
  /** Where the seeded stream of minted values is, so an import mints the same next values. */
  random: RandomPositionView;
}

/** What `importState` answers. */
export interface ImportResult {
  imported: true;
  seed: string;
  now: number;
}

/**
 * The mock's controls, in process (`mock.control`): the simulated WeChat client, faults, the
 * clock, the request journal, the GenAuth outbox, state and reset. Every method takes values and
 * returns plain data (copies, never the mock's own objects); failures throw {@link ControlError}
 * with the status and error code the HTTP surface `/__mock/v1` answers.
 */
export interface ControlApi {
  /** The simulated WeChat client (`/__mock/v1/wechat/…`). */
  wechat: {
    /** `wx.login`: fresh codes for a user (a new user without `openid`); applies the session-key policy. */
    login(input: LoginInput): LoginResult;
    /** `getUserInfo` with credentials, encrypted under the user's current session key. */
    userInfo(user: WechatUserRef): UserInfoResult;
    /**
     * A tap on the phone-number button `realtime` names: the detail its handler receives, success
     * or the errno 1400001 detail once the quota is used up (409 `no_phone` for a user without a
     * phone).
     */
    phoneNumber(input: PhoneNumberInput): PhoneNumberDetail;
    /**
     * The fast-verify button's success detail (409 `no_phone` for a user without a phone, 409
     * `no_quota` once the quota is used up).
     */
    phoneNumber(user: WechatUserRef): PhoneNumberResult;
    /** Changes an app's phone-number quota (trial, paid packages, use), per product. */
    setQuota(input: SetQuotaInput): PhoneQuotaView;
    /** An app's phone-number quota and use, per product. */
    quota(query: { appid: string }): PhoneQuotaView;
    /** `wx.pluginLogin` in a plugin of the host app: a code for `/wxa/getpluginopenpid`. */
    pluginLogin(input: PluginLoginInput): PluginLoginResult;
    /** Records a WeChat Pay payment by the user now, for `/wxa/getpaidunionid`. */
    pay(input: PaymentInput): PaymentView;
    /** `getLatestUserKey` of the encrypted network channel (a new key once the last is an hour old). */
    latestUserKey(user: WechatUserRef): UserKeyResult;
    /** Creates or updates a WeChat user. */
    upsertUser(input: UpsertUserInput): UpsertUserResult;
    /** The live session of a user, or null. */
    session(user: WechatUserRef): SessionView | null;
    /** Ends a user's session now; whether there was one. */
    expireSession(user: WechatUserRef): boolean;
    /** Creates many users of one app at once, all or none; answers a summary. */
    bulkCreateUsers(input: WechatBulkInput): WechatBulkResult;
    /** The users of one app, a page at a time, in the order they were created. */
    listUsers(query: PageQuery & { appid: string }): UserPage<WechatUserView>;
    /** Every WeChat app, with its secret. */
    apps(): WechatAppView[];
    /** The `wx.login` codes of an app that have not expired, newest first. */
    codes(query: AppListQuery): PendingCodeView[];
    /** The live sessions of an app, newest first. */
    sessions(query: AppListQuery): SessionView[];
  };
  /** GenAuth users (`/__mock/v1/genauth/…`). */
  genauth: {
    /** Creates many accounts in one user pool at once, all or none; answers a summary. */
    bulkCreateUsers(input: GenauthBulkInput): GenauthBulkResult;
    /** The users of one pool (matching `q`), a page at a time, in the order they were created. */
    listUsers(query: GenauthUserQuery): UserPage<GenauthUserView>;
    /** Every user pool with its apps and user count. */
    pools(): GenauthPoolSummary[];
    /** One user (404 `unknown_user`). */
    getUser(ref: GenauthUserRef): GenauthUserView;
    /** Changes a user's fields, all or none (409 `user_exists` for a taken identifier). */
    updateUser(patch: GenauthUserPatch): GenauthUserView;
    /** Deletes a user (404 `unknown_user`). */
    deleteUser(ref: GenauthUserRef): { deleted: true; id: string };
  };
  /** WeChat and GenAuth fault injection (`/__mock/v1/faults`). */
  faults: {
    /** The next `times` calls of `route` answer `errcode` without touching state. */
    add(fault: FaultInput): FaultView;
    /** Pending faults, oldest first. */
    list(): FaultView[];
    /** Drops every pending fault; how many there were. */
    clear(): number;
  };
  /** The mock clock (`/__mock/v1/clock`). */
  clock: {
    get(): ClockView;
    /** Moves time forward (or back, when negative) by `ms`. */
    advance(ms: number): ClockView;
    /** Jumps to epoch milliseconds or an ISO date string. */
    set(now: number | string): ClockView;
  };
  /** The requests the mock answered (`/__mock/v1/requests`), control requests excluded. */
  journal: {
    /** Newest last. */
    list(filter?: JournalFilter): JournalEntry[];
    clear(): void;
    /**
     * The entries after `after`, then every new one as it is recorded, until the loop ends or
     * `signal` aborts (over HTTP: `GET /requests/events`, server-sent events).
     */
    follow(options?: JournalFollowOptions): AsyncIterable<JournalEntry>;
  };
  /** The GenAuth outbox (`/__mock/v1/messages`). */
  messages: {
    /** SMS and e-mail codes sent to `to`, newest last. */
    list(query: MessagesQuery): MessageView[];
    /** The newest messages to anyone (of one pool when given), newest first. */
    recent(query?: RecentMessagesQuery): MessageView[];
  };
  /** The whole state, as one object (for big states, see `stateChunks`). */
  state(): MockState;
  /**
   * The JSON text of {@link MockState}, in pieces produced as they are iterated, so a big state
   * is never held whole: what `GET /__mock/v1/state` streams.
   */
  stateChunks(): Iterable<string>;
  /** The whole state as a document `importState` reads back (the same as `state()`). */
  exportState(): MockState;
  /**
   * Replaces the whole state with `doc` (what `exportState` or `GET /__mock/v1/state` gave):
   * same ids, codes, sessions, tokens, clock and random stream position. A bad document throws
   * a 400 naming the path of the bad field, and nothing changes. The journal stays.
   */
  importState(doc: MockState | Record<string, unknown>): ImportResult;
  /** Back to the seeded state (of `seed` when given), no faults, empty journal; the clock stays. */
  reset(seed?: string): ResetResult;
  /** The demo tenancy (404 `no_demo` when the fixtures have no user pool). */
  demo(): MockDemo;
}

/** `T` with every method returning a Promise of its result, nested objects included. */
export type Promisified<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : Promisified<T[K]>;
};

/**
 * {@link ControlApi} over HTTP (`createControlClient`): the same methods, each async;
 * `stateChunks` yields the text of the streamed answer as it arrives, `journal.follow` the
 * entries of the journal's event stream.
 */
export type ControlClient = Omit<
  Promisified<Omit<ControlApi, 'stateChunks'>>,
  'wechat' | 'journal'
> & {
  wechat: WechatControlClient;
  journal: Omit<Promisified<ControlApi['journal']>, 'follow'> &
    Pick<ControlApi['journal'], 'follow'>;
  stateChunks(): AsyncIterable<string>;
};

/** `ControlApi['wechat']` over HTTP, `phoneNumber` keeping both of its forms. */
export type WechatControlClient = Omit<Promisified<ControlApi['wechat']>, 'phoneNumber'> & {
  phoneNumber(input: PhoneNumberInput): Promise<PhoneNumberDetail>;
  phoneNumber(user: WechatUserRef): Promise<PhoneNumberResult>;
};

/** One entry of `GET /__mock/v1`: a control route. */
export interface ControlRouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to `/__mock/v1`. */
  path: string;
  summary: string;
}
