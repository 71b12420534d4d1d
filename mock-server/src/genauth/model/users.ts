import type { Context } from '../../context';
import { EMPTY_PROFILE, NO_IDENTITIES, NO_UDV, sourceList } from './defaults';
import { userArn } from './tokens';
import type { IdentityRecord, PoolState, UserRecord } from './types';
import { VIEW_PROFILE_FIELDS } from './profile-fields';
import { DEFAULT_PHOTO } from './user-fields';
import { foldKey, patchIndexed, type IndexedField } from './user-index';

type Lookup = IndexedField;

const stored = (pool: PoolState, u: UserRecord): boolean => pool.users.get(u.id) === u;

/**
 * The pool's user whose `field` equals `value` (e-mails compare case-insensitively; with several
 * holders, the first in pool order). An index lookup: O(1) in the number of users.
 */
export function findUser(
  pool: PoolState,
  field: Lookup,
  value: string | null | undefined,
): UserRecord | undefined {
  if (!value) return undefined;
  const key = foldKey(field, value);
  return pool.users.indexes.fields[field].first(key, (u) => {
    const have = u[field];
    return !!have && (have === value || foldKey(field, have) === key) && stored(pool, u);
  });
}

const holds = (u: UserRecord, connectionId: string, openid: string) =>
  u.identities.some((i) => i.connectionId === connectionId && i.openid === openid);

/** The user holding a social identity of `connectionId` with `openid` (an index lookup). */
export function findByIdentity(
  pool: PoolState,
  connectionId: string,
  openid: string,
): UserRecord | undefined {
  return pool.users.indexes.identities
    .get(connectionId)
    ?.first(openid, (u) => holds(u, connectionId, openid) && stored(pool, u));
}

/**
 * Changes fields of `user`, keeping the pool's indexes in step. Indexed fields (e-mail,
 * username, phone, unionid, subAccount, externalId) and `identities` change only through here.
 */
export function updateFields(pool: PoolState, user: UserRecord, patch: Partial<UserRecord>): void {
  if (stored(pool, user)) patchIndexed(pool.users.indexes, user, patch);
  else Object.assign(user, patch);
}

/** Adds a social identity to `user`. */
export function addIdentity(pool: PoolState, user: UserRecord, identity: IdentityRecord): void {
  updateFields(pool, user, { identities: [...user.identities, identity] });
}

/** Removes `user` from the pool (and from every index). */
export function deleteUser(pool: PoolState, user: UserRecord): void {
  if (stored(pool, user)) pool.users.delete(user.id);
}

/**
 * Defaults a new user reads from its prototype until a field is set: an idle user stores only
 * its id, pool, identifiers, password and timestamps.
 */
const SHARED_DEFAULTS = {
  status: 'Activated',
  emailVerified: false,
  phoneVerified: false,
  phoneCountryCode: null,
  unionid: null,
  openid: null,
  nickname: null,
  photo: DEFAULT_PHOTO,
  subAccount: null,
  oauth: null,
  loginsCount: 0,
  lastLogin: null,
  lastIP: null,
  blocked: false,
  profile: EMPTY_PROFILE,
  externalId: null,
  identities: NO_IDENTITIES,
  udv: NO_UDV,
  registerSource: Object.freeze([]) as readonly string[],
} satisfies Partial<UserRecord>;

/** A stored user: the fields every user sets are own; the rest start on the prototype. */
class StoredUser implements UserRecord {
  id: string;
  poolId: string;
  username: string | null = null;
  email: string | null = null;
  phone: string | null = null;
  passwordHash: string | null = null;
  passwordLevel: 1 | 2 | 3 | null = null;
  signedUp: string | null;
  createdAt: string;
  updatedAt: string;
  ordinal = 0;
  declare status: UserRecord['status'];
  declare emailVerified: boolean;
  declare phoneVerified: boolean;
  declare phoneCountryCode: string | null;
  declare unionid: string | null;
  declare openid: string | null;
  declare nickname: string | null;
  declare photo: string;
  declare subAccount: string | null;
  declare oauth: string | null;
  declare loginsCount: number;
  declare lastLogin: string | null;
  declare lastIP: string | null;
  declare blocked: boolean;
  declare profile: UserRecord['profile'];
  declare externalId: string | null;
  declare identities: UserRecord['identities'];
  declare udv: UserRecord['udv'];
  declare registerSource: UserRecord['registerSource'];

  constructor(id: string, poolId: string, now: string) {
    this.id = id;
    this.poolId = poolId;
    this.signedUp = now;
    this.createdAt = now;
    this.updatedAt = now;
  }
}
Object.assign(StoredUser.prototype, SHARED_DEFAULTS);

/** A user record with every field at its default (no profile, no identity, no UDF value). */
export function blankUser(id: string, poolId: string, now: string): UserRecord {
  return new StoredUser(id, poolId, now);
}

/** Creates and stores a user; ids come from the seeded stream, times from the mock clock. */
export function createUser(
  ctx: Context,
  pool: PoolState,
  init: Partial<UserRecord> & { registerSource: readonly string[] },
): UserRecord {
  const now = new Date(ctx.clock.now()).toISOString();
  const user = Object.assign(blankUser(ctx.random.hex(24), pool.pool.id, now), init);
  if (user.registerSource.length === 1)
    user.registerSource = sourceList(user.registerSource[0] as string);
  pool.users.set(user.id, user);
  return user;
}

/** Marks `user` changed now. */
export function touch(ctx: Context, user: UserRecord): void {
  user.updatedAt = new Date(ctx.clock.now()).toISOString();
}

/** Counts a login of `user` now; one through the GenAuth APIs records the client `ip` too. */
export function recordLogin(ctx: Context, user: UserRecord, ip?: string | null): void {
  user.loginsCount += 1;
  user.lastLogin = new Date(ctx.clock.now()).toISOString();
  if (ip !== undefined) user.lastIP = ip;
}

/** How many ways `user` can still sign in (unbinding the last one is refused). */
export function loginMethods(user: UserRecord): number {
  return (
    (user.email ? 1 : 0) +
    (user.phone ? 1 : 0) +
    (user.username && user.passwordHash ? 1 : 0) +
    user.identities.length
  );
}

/** Serialises a decoded UDF value the way the wire carries it (STRING unquoted). */
export function encodeUdv(dataType: string, value: unknown): string {
  if (dataType === 'STRING') return String(value);
  if (dataType === 'OBJECT') return JSON.stringify(value);
  return String(value);
}

/** The pool's UDF values of `user` as `{key, dataType, value, label}` (set keys only). */
export function udvList(
  pool: PoolState,
  user: UserRecord,
): { key: string; dataType: string; value: string; label: string }[] {
  const out = [];
  for (const [key, value] of user.udv) {
    const def = pool.udfs.get(key);
    if (def)
      out.push({
        key,
        dataType: def.dataType,
        value: encodeUdv(def.dataType, value),
        label: def.label,
      });
  }
  return out;
}

/** The token a returned User carries. */
export interface UserToken {
  token: string;
  exp: number;
}

/**
 * The GraphQL / REST `User` view, plain data: every field of USER_FIELDS plus the 4.23 superset,
 * the caller's current token, identities and customData (`authorizedResources` takes arguments:
 * see {@link authorizedResources}).
 */
export function userView(
  pool: PoolState,
  user: UserRecord,
  token: UserToken | null,
  newlyCreated = false,
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: user.id,
    arn: userArn(pool.pool.id, user.id),
    status: user.status,
    userPoolId: pool.pool.id,
    username: user.username,
    email: user.email,
    emailVerified: user.emailVerified,
    phone: user.phone,
    phoneVerified: user.phoneVerified,
    phoneCountryCode: user.phoneCountryCode,
    unionid: user.unionid,
    openid: user.openid,
    nickname: user.nickname,
    registerSource: user.registerSource,
    photo: user.photo,
    password: null,
    oauth: user.oauth,
    token: token?.token ?? null,
    tokenExpiredAt: token ? new Date(token.exp * 1000).toISOString() : null,
    loginsCount: user.loginsCount,
    lastLogin: user.lastLogin,
    lastIP: user.lastIP,
    signedUp: user.signedUp,
    blocked: user.blocked,
    isDeleted: false,
  };
  // The profile fields (every one present, null when unset; gender `U`) are set in place rather
  // than spread from an object of their own: in one measured run that built a view 2.6× faster
  // (1.7× with its JSON), on the loginByCode path.
  const p = user.profile;
  for (const f of VIEW_PROFILE_FIELDS) view[f] = p[f] ?? null;
  view['gender'] = p['gender'] ?? 'U';
  view['createdAt'] = user.createdAt;
  view['updatedAt'] = user.updatedAt;
  view['externalId'] = user.externalId;
  view['identities'] = user.identities.map((i) => ({
    ...i,
    userId: user.id,
    userPoolId: pool.pool.id,
  }));
  view['customData'] = udvList(pool, user);
  view['newlyCreated'] = newlyCreated;
  view['expiredAt'] = null;
  view['directManagement'] = false;
  return view;
}

/** The resources granted to user `userId`, optionally of one namespace and one type. */
export function authorizedResources(
  pool: PoolState,
  userId: string,
  filter: { namespace?: string | null; resourceType?: string | null },
) {
  const { namespace, resourceType } = filter;
  const list = pool.resources
    .filter((r) => r.userId === userId)
    .filter((r) => !namespace || r.namespace === namespace)
    .filter((r) => !resourceType || r.type === resourceType)
    .map((r) => ({
      code: r.code,
      type: r.type,
      actions: r.actions,
      apiIdentifier: r.type === 'API' ? r.code : null,
    }));
  return { totalCount: list.length, list };
}
