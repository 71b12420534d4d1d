import { createHash } from 'node:crypto';

import type { Fixtures, GenauthAccountFixture, GenauthAppFixture } from '@genauth-wxapp/fixtures';

import type { MockClock } from '../clock';
import { ExpiringSet } from '../expiring';
import { lazyList, lazyTrees, type LazyTree } from '../lazy-json';
import { exportSide } from '../state-io/side';
import { trimOutbox } from './model/outbox';
import { hashPassword, passwordLevel } from './model/passwords';
import { tokenExpiry } from './model/token-expiry';
import { NO_IDENTITIES, NO_UDV, sourceList } from './model/defaults';
import type { MessageRecord, PoolState, UploadRecord, UserRecord } from './model/types';
import { UserTable } from './model/user-table';
import { DEFAULT_PHOTO, USER_FIELDS } from './model/user-fields';

/** GenAuth state: pools (apps, users, UDFs, orgs…), revoked tokens, the outbox, uploads. */
export interface GenauthState {
  pools: Map<string, PoolState>;
  /** appId → poolId, to resolve the pool from `x-authing-app-id`. */
  appPools: Map<string, string>;
  /** Tokens invalidated by logout; each leaves at its `exp` (it answers 2206 either way). */
  revoked: ExpiringSet<string>;
  /** The outbox, oldest first: the newest 500 per pool, expired codes kept one hour. */
  messages: MessageRecord[];
  /** `seq` of the last message sent. */
  messageSeq: number;
  fixedCodes: Map<string, string>;
  uploads: Map<string, UploadRecord>;
}

const fixtureSalt = (seed: string, id: string): string =>
  createHash('sha256').update(`${seed}:salt:${id}`).digest('hex').slice(0, 32);

/** Fixture hashes are pure functions of (seed, id, password): computed once, reused by reset. */
const fixtureHashes = new Map<string, string>();
function fixtureHash(seed: string, id: string, password: string): string {
  const key = `${seed}\u0000${id}\u0000${password}`;
  let hash = fixtureHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword(password, fixtureSalt(seed, id));
    fixtureHashes.set(key, hash);
  }
  return hash;
}

function userFromFixture(seed: string, a: GenauthAccountFixture): UserRecord {
  const source = a.email ? 'basic:email' : a.phone ? 'basic:phone-code' : 'basic:username-password';
  return {
    id: a.id,
    poolId: a.poolId,
    status: 'Activated',
    username: a.username,
    email: a.email,
    emailVerified: a.email !== null,
    phone: a.phone,
    phoneVerified: a.phone !== null,
    phoneCountryCode: a.phone ? '+86' : null,
    unionid: null,
    openid: null,
    nickname: a.nickname,
    registerSource: sourceList(source),
    photo: DEFAULT_PHOTO,
    passwordHash: a.password === null ? null : fixtureHash(seed, a.id, a.password),
    passwordLevel: a.password === null ? null : passwordLevel(a.password),
    subAccount: a.subAccount,
    oauth: null,
    loginsCount: 0,
    lastLogin: null,
    lastIP: null,
    signedUp: a.createdAt,
    blocked: false,
    profile: {
      name: a.name,
      company: a.company,
      city: a.city,
      province: a.province,
      gender: a.gender,
    },
    createdAt: a.createdAt,
    updatedAt: a.createdAt,
    externalId: null,
    identities: NO_IDENTITIES,
    udv: NO_UDV,
    ordinal: 0,
  };
}

function* mapIter<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function tableOf(users: UserRecord[]): UserTable {
  const table = new UserTable();
  for (const u of users) table.set(u.id, u);
  return table;
}

/** A user as plain JSON (defaults on the prototype included, UDF values as an object). */
export function plainUser(u: UserRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of USER_FIELDS) out[f] = u[f];
  out['udv'] = Object.fromEntries(u.udv);
  return out;
}

/** Fresh GenAuth state from the fixtures: fixture passwords become salted hashes. */
export function createGenauthState(fixtures: Fixtures, clock: MockClock): GenauthState {
  const g = fixtures.genauth;
  const pools = new Map<string, PoolState>();
  for (const pool of g.pools) {
    const mine = <T extends { poolId: string }>(list: T[]): T[] =>
      list.filter((x) => x.poolId === pool.id);
    pools.set(pool.id, {
      pool,
      apps: new Map(mine<GenauthAppFixture>(g.apps).map((a) => [a.id, a])),
      users: tableOf(mine(g.accounts).map((a) => userFromFixture(fixtures.seed, a))),
      udfs: new Map(mine(g.udfs).map((u) => [u.key, u])),
      orgs: mine(g.orgs),
      resources: mine(g.resources),
      directory: mine(g.directory),
    });
  }
  return {
    pools,
    appPools: new Map(g.apps.map((a) => [a.id, a.poolId])),
    revoked: new ExpiringSet(tokenExpiry, () => clock.now()),
    messages: [],
    messageSeq: 0,
    fixedCodes: new Map(g.fixedCodes.map((c) => [c.to, c.code])),
    uploads: new Map(),
  };
}

/** Drops revoked tokens past their expiry and outbox messages past their grace; returns how many. */
export function sweepGenauth(state: GenauthState, now: number): number {
  return state.revoked.sweep() + trimOutbox(state.messages, now);
}

/** An app as the state document and the control API show it: no secrets. */
export const appView = (a: GenauthAppFixture) => ({
  id: a.id,
  name: a.name,
  tokenAlgorithm: a.tokenAlgorithm,
  connection: a.connection && {
    id: a.connection.id,
    identifier: a.connection.identifier,
    appid: a.connection.appid,
  },
});

/**
 * The GenAuth state as a JSON document whose lists are read when it is built or streamed
 * (hashes only, no plaintext).
 */
export function genauthDocument(state: GenauthState, full = true): Record<string, LazyTree> {
  return {
    pools: lazyTrees(() =>
      [...state.pools.values()].map((p) => ({
        id: p.pool.id,
        name: p.pool.name,
        apps: [...p.apps.values()].map(appView),
        users: lazyList(() => mapIter(p.users.values(), plainUser)),
        udfs: [...p.udfs.values()],
        orgs: p.orgs,
      })),
    ),
    revokedTokens: state.revoked.size,
    messages: state.messages,
    uploads: [...state.uploads.values()].map((u) => ({
      key: u.key,
      mimetype: u.mimetype,
      size: u.bytes.length,
    })),
    revoked: lazyList(() => state.revoked.values()),
    messageSeq: state.messageSeq,
    fixedCodes: Object.fromEntries(state.fixedCodes),
    uploadFiles: lazyList(() =>
      mapIter(state.uploads.values(), (u) => ({
        key: u.key,
        mimetype: u.mimetype,
        originalName: u.originalName,
        data: u.bytes.toString('base64'),
      })),
    ),
    oidc: exportSide('oidc', state, EMPTY_OIDC),
    tables: {
      casTickets: exportSide('casTickets', state, []),
      v3Pending: exportSide('v3Pending', state, []),
      // Counts v3 failures, which change nothing else: in the import document only.
      ...(full && { v3RequestSeq: exportSide('v3RequestSeq', state, 0) }),
    },
  };
}

/** The GenAuth part of an imported state document (checked by `state-io`). */
export interface GenauthImport {
  pools: { id: string; users: Record<string, unknown>[]; udfs: unknown[]; orgs: unknown[] }[];
  messages: MessageRecord[];
  revoked: string[];
  messageSeq: number;
  fixedCodes: Record<string, string>;
  uploadFiles: { key: string; mimetype: string; originalName: string; data: string }[];
}

const EMPTY_OIDC = Object.freeze({ codes: [], refreshTokens: [], accessTokens: [], sessions: [] });

/** A user record from its plain JSON ({@link plainUser}). */
function userFromPlain(plain: Record<string, unknown>): UserRecord {
  const u = { ...plain, udv: new Map(Object.entries(plain['udv'] as object)) };
  return u as unknown as UserRecord;
}

/**
 * GenAuth state rebuilt from an exported document over the fixtures of its seed (pools, apps,
 * resources and directory come from them; users, UDFs, orgs and the rest from the document).
 */
export function restoreGenauth(
  doc: GenauthImport,
  fixtures: Fixtures,
  clock: MockClock,
): GenauthState {
  const state = createGenauthState(fixtures, clock);
  for (const p of doc.pools) {
    const pool = state.pools.get(p.id) as PoolState;
    pool.users = tableOf(p.users.map(userFromPlain));
    pool.udfs = new Map(
      (p.udfs as PoolState['udfs'] extends Map<string, infer U> ? U[] : never).map((u) => [
        u.key,
        u,
      ]),
    );
    pool.orgs = p.orgs as PoolState['orgs'];
  }
  state.messages = doc.messages.map((m) => ({ ...m }));
  state.messageSeq = doc.messageSeq;
  state.fixedCodes = new Map(Object.entries(doc.fixedCodes));
  state.revoked.load(doc.revoked);
  for (const u of doc.uploadFiles)
    state.uploads.set(u.key, {
      key: u.key,
      mimetype: u.mimetype,
      originalName: u.originalName,
      bytes: Buffer.from(u.data, 'base64'),
    });
  return state;
}
