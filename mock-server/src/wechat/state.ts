import type { Fixtures, WechatAppFixture, WechatUserFixture } from '@genauth-wxapp/fixtures';

import type { MockClock } from '../clock';
import { ExpiringMap } from '../expiring';
import { lazyList, type LazyTree } from '../lazy-json';
import { SeededRandom, type RandomPosition } from '../random';
import { exportSide } from '../state-io/side';
import type { Fault } from './fault-book';
import { createFaultBook, type FaultBook } from './faults';
import { RULES } from './rules';
import { userKey } from './user-key';
import { WechatUserTable } from './user-table';

export { userKey } from './user-key';

/** A WeChat user of one app (a mutable copy of its fixture). */
export type WechatUser = WechatUserFixture;

/** A `wx.login` code. */
export interface LoginCode {
  code: string;
  appid: string;
  openid: string;
  issuedAt: number;
  usedAt: number | null;
}

/** A phone code from the getPhoneNumber button. */
export interface PhoneCode {
  code: string;
  appid: string;
  openid: string;
  issuedAt: number;
  usedAt: number | null;
}

/** The one valid session_key of a (user, app). */
export interface Session {
  appid: string;
  openid: string;
  sessionKey: string;
  createdAt: number;
  expiresAt: number;
}

/** An access token of either family. */
export interface AccessToken {
  token: string;
  appid: string;
  /** `token` = `GET /cgi-bin/token`, `stable` = `POST /cgi-bin/stable_token`; isolated families. */
  family: 'token' | 'stable';
  issuedAt: number;
  expiresAt: number;
  /** When a newer token replaced this one: it answers 40001 from then on. */
  revokedAt: number | null;
}

/** Force-refresh bookkeeping of stable_token, per app. */
export interface StableQuota {
  day: number;
  forced: number;
  lastForcedAt: number | null;
}

/** WeChat platform state: apps, users, codes, sessions, access tokens, rate windows. */
export interface WechatState {
  apps: Map<string, WechatAppFixture>;
  /** Keyed by {@link userKey} (stored without per-user key strings). */
  users: WechatUserTable;
  /** Login codes; each leaves once its 5 minutes are over (used or not: it answers 40029 then). */
  codes: ExpiringMap<string, LoginCode>;
  /** Phone codes; each leaves once its 5 minutes are over. */
  phoneCodes: ExpiringMap<string, PhoneCode>;
  /** Keyed by {@link userKey}; a session leaves when it expires. */
  sessions: ExpiringMap<string, Session>;
  /**
   * Access tokens; a replaced token leaves once its overlap ends (it answers 40001 either way),
   * an expired one {@link RULES.expiredTokenKeptMs} after its expiry (42001 until then).
   */
  tokens: ExpiringMap<string, AccessToken>;
  /** Newest token of each family, keyed by `family:appid`. */
  latestToken: Map<string, string>;
  stableQuota: Map<string, StableQuota>;
  /** jscode2session calls per user in the current minute, keyed by {@link userKey}. */
  loginRate: ExpiringMap<string, { minute: number; count: number }>;
  /** Pending faults injected through `/__mock/v1/faults` (not part of the snapshot). */
  faults: FaultBook;
  /**
   * The random stream of error `rid`s, apart from `ctx.random` so that a rejected request never
   * shifts the codes and keys minted after it.
   */
  rids: SeededRandom;
}

function usersOf(list: readonly WechatUser[]): WechatUserTable {
  const table = new WechatUserTable();
  for (const u of list)
    table.set(userKey(u.appid, u.openid), { ...u, phone: u.phone && { ...u.phone } });
  return table;
}

const tokenDeadline = (t: AccessToken): number => {
  const kept = t.expiresAt + RULES.expiredTokenKeptMs;
  return t.revokedAt === null ? kept : Math.min(t.revokedAt, kept);
};

/** Fresh state from the fixtures (users are copied, so the fixtures stay untouched). */
export function createWechatState(fixtures: Fixtures, clock: MockClock): WechatState {
  const now = () => clock.now();
  const codeDeadline = (c: { issuedAt: number }) => c.issuedAt + RULES.codeTtlMs;
  return {
    apps: new Map(fixtures.wechat.apps.map((a) => [a.appid, { ...a }])),
    users: usersOf(fixtures.wechat.users),
    codes: new ExpiringMap<string, LoginCode>(codeDeadline, now),
    phoneCodes: new ExpiringMap<string, PhoneCode>(codeDeadline, now),
    sessions: new ExpiringMap((s) => s.expiresAt, now),
    tokens: new ExpiringMap(tokenDeadline, now),
    latestToken: new Map(),
    stableQuota: new Map(),
    loginRate: new ExpiringMap((w) => (w.minute + 1) * 60_000, now),
    faults: createFaultBook(),
    rids: new SeededRandom(`${fixtures.seed}:wechat-rid`),
  };
}

/** Drops every expired code, phone code, session, token and rate window; returns how many. */
export function sweepWechat(state: WechatState): number {
  return (
    state.codes.sweep() +
    state.phoneCodes.sweep() +
    state.sessions.sweep() +
    state.tokens.sweep() +
    state.loginRate.sweep()
  );
}

/**
 * The WeChat state as a JSON document whose lists are read when it is built or streamed (apps
 * with their secrets, users, sessions, codes…); `full` adds the `rid` stream position and the
 * pending faults, which a state import needs.
 */
export function wechatDocument(state: WechatState, full = true): Record<string, LazyTree> {
  return {
    apps: lazyList(() => state.apps.values()),
    users: lazyList(() => state.users.values()),
    sessions: lazyList(() => state.sessions.values()),
    codes: lazyList(() => state.codes.values()),
    phoneCodes: lazyList(() => state.phoneCodes.values()),
    accessTokens: lazyList(() => state.tokens.values()),
    stableQuota: Object.fromEntries(state.stableQuota),
    latestToken: Object.fromEntries(state.latestToken),
    loginRate: lazyList(() => state.loginRate.entries()),
    tables: {
      phoneQuota: exportSide('phoneQuota', state, []),
      encryptKeys: exportSide('encryptKeys', state, []),
      payments: exportSide('payments', state, { byTransaction: [], byOrder: [] }),
      pluginCodes: exportSide('pluginCodes', state, []),
      encryptedMsgs: exportSide('encryptedMsgs', state, []),
    },
    // What an import needs besides, but changes on requests that change nothing else.
    ...(full && {
      rids: state.rids.position(),
      faultBook: { nextId: state.faults.nextId, pending: state.faults.list() },
    }),
  };
}

/** The WeChat part of an imported state document (checked by `state-io`). */
export interface WechatImport {
  apps: WechatAppFixture[];
  users: WechatUser[];
  sessions: Session[];
  codes: LoginCode[];
  phoneCodes: PhoneCode[];
  accessTokens: AccessToken[];
  stableQuota: Record<string, StableQuota>;
  latestToken: Record<string, string>;
  loginRate: [string, { minute: number; count: number }][];
  rids: RandomPosition;
  faultBook: { nextId: number; pending: Fault[] };
}

/** WeChat state rebuilt from an exported document, entries in their exported order. */
export function restoreWechat(doc: WechatImport, seed: string, clock: MockClock): WechatState {
  const state = createWechatState({ seed, wechat: { apps: [], users: [] } } as never, clock);
  for (const a of doc.apps) state.apps.set(a.appid, { ...a });
  for (const u of doc.users)
    state.users.set(userKey(u.appid, u.openid), { ...u, phone: u.phone && { ...u.phone } });
  state.sessions.load(doc.sessions.map((s) => [userKey(s.appid, s.openid), { ...s }]));
  state.codes.load(doc.codes.map((c) => [c.code, { ...c }]));
  state.phoneCodes.load(doc.phoneCodes.map((c) => [c.code, { ...c }]));
  state.tokens.load(doc.accessTokens.map((t) => [t.token, { ...t }]));
  for (const [k, v] of Object.entries(doc.stableQuota)) state.stableQuota.set(k, { ...v });
  for (const [k, v] of Object.entries(doc.latestToken)) state.latestToken.set(k, v);
  state.loginRate.load(doc.loginRate.map(([k, v]) => [k, { ...v }]));
  state.rids = SeededRandom.at(`${seed}:wechat-rid`, doc.rids);
  state.faults.restore(doc.faultBook.pending, doc.faultBook.nextId);
  return state;
}
