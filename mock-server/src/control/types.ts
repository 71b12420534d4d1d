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

import type { JournalEntry } from '../journal';
import type { Errcode } from '../wechat/errcodes';
import type { FaultRoute } from '../wechat/faults';

export type { FaultRoute } from '../wechat/faults';
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
  /** An errcode of `ERRCODES`, answered with its usual errmsg. */
  errcode: Errcode;
  /** How many calls to fault (1–1000). @default 1 */
  times?: number;
  /** Only calls for this (known) app match. @default any call of the route */
  appid?: string;
  /** How long the HTTP answer is held, in real milliseconds (0–60000). @default 0 */
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

/** The mock clock. */
export interface ClockView {
  /** Epoch milliseconds. */
  now: number;
  /** The same instant as an ISO string. */
  iso: string;
}

/** Filter of `journal.list`: exact path, method in any case. */
export interface JournalFilter {
  path?: string;
  method?: string;
}

/** Query of `messages.list`. */
export interface MessagesQuery {
  /** A phone number or e-mail address. */
  to: string;
  /** Only messages of this user pool. */
  pool?: string;
}

/** An SMS or e-mail code the GenAuth side "sent". */
export interface MessageView {
  seq: number;
  poolId: string;
  channel: 'sms' | 'email';
  to: string;
  scene: string;
  code: string;
  sentAt: number;
  expiresAt: number;
  used: boolean;
}

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
}

/** A `wx.login` or phone code as the state lists it. */
export interface CodeView {
  code: string;
  appid: string;
  openid: string;
  issuedAt: number;
  usedAt: number | null;
}

/** An access token of either family. */
export interface AccessTokenView {
  token: string;
  appid: string;
  family: 'token' | 'stable';
  issuedAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

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
}

/** A user pool in {@link MockState} (users carry password hashes, never plaintext). */
export interface GenauthPoolView {
  id: string;
  name: string;
  apps: {
    id: string;
    name: string;
    tokenAlgorithm: GenauthAppFixture['tokenAlgorithm'];
    connection: { id: string; appid: string } | null;
  }[];
  users: ({ id: string } & Record<string, unknown>)[];
  udfs: UdfFixture[];
  orgs: OrgFixture[];
}

/** The GenAuth part of {@link MockState}. */
export interface GenauthStateView {
  pools: GenauthPoolView[];
  revokedTokens: number;
  messages: MessageView[];
  uploads: { key: string; mimetype: string; size: number }[];
}

/** The whole state as JSON (`GET /__mock/v1/state`). */
export interface MockState {
  seed: string;
  /** The mock clock, epoch milliseconds. */
  now: number;
  wechat: WechatStateView;
  genauth: GenauthStateView;
  /** The demo tenancy; `{}` when the fixtures have no user pool. */
  demo: MockDemo | Record<string, never>;
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
    /** The getPhoneNumber button (409 `no_phone` for a user without a phone). */
    phoneNumber(user: WechatUserRef): PhoneNumberResult;
    /** Creates or updates a WeChat user. */
    upsertUser(input: UpsertUserInput): UpsertUserResult;
    /** The live session of a user, or null. */
    session(user: WechatUserRef): SessionView | null;
    /** Ends a user's session now; whether there was one. */
    expireSession(user: WechatUserRef): boolean;
  };
  /** WeChat fault injection (`/__mock/v1/faults`). */
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
  };
  /** The GenAuth outbox (`/__mock/v1/messages`). */
  messages: {
    /** SMS and e-mail codes sent to `to`, newest last. */
    list(query: MessagesQuery): MessageView[];
  };
  /** The whole state. */
  state(): MockState;
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

/** {@link ControlApi} over HTTP (`createControlClient`): the same methods, each async. */
export type ControlClient = Promisified<ControlApi>;

/** One entry of `GET /__mock/v1`: a control route. */
export interface ControlRouteInfo {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to `/__mock/v1`. */
  path: string;
  summary: string;
}
