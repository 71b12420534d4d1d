import { createHash } from 'node:crypto';

import type { Context } from '../../context';
import { fail } from '../errors';
import { sourceList } from './defaults';
import { hashPassword, passwordLevel } from './passwords';
import type { IdentityRecord, UserRecord } from './types';
import { foldKey, INDEXED_FIELDS, type IndexedField } from './user-index';
import { blankUser, findUser } from './users';
import { requireEmail, requirePhone } from './validate';

/** One user of {@link bulkCreateGenauthUsers}. Absent fields take the defaults of `createUser`. */
export interface GenauthUserSpec {
  email?: string | null;
  username?: string | null;
  phone?: string | null;
  unionid?: string | null;
  openid?: string | null;
  subAccount?: string | null;
  externalId?: string | null;
  nickname?: string | null;
  /** Plaintext; one scrypt per distinct password per call (see below). */
  password?: string;
  /** A precomputed `scrypt$<salt>$<hash>` (e.g. from `hashPassword`), stored as is. */
  passwordHash?: string;
  /** Its strength, with `passwordHash` (default 1). */
  passwordLevel?: 1 | 2 | 3;
  identities?: IdentityRecord[];
  /** `registerSource[0]`; default from the identifier (`basic:email`, `basic:phone-code`…). */
  registerSource?: string;
}

const HASH = /^scrypt\$[0-9a-f]{1,128}\$[0-9a-f]{64}$/;

function sourceOf(spec: GenauthUserSpec): string {
  if (spec.registerSource) return spec.registerSource;
  if (spec.email) return 'basic:email';
  if (spec.phone) return 'basic:phone-code';
  if (spec.identities?.length) return 'wechat:miniprogram:default';
  return 'basic:username-password';
}

/** Refuses malformed identifiers, bad hashes and values taken in the pool or in the batch (2026). */
function check(pool: Parameters<typeof findUser>[0], specs: readonly GenauthUserSpec[]): void {
  const unique = ['email', 'username', 'phone', 'subAccount', 'externalId'] as const;
  const seen = new Map<IndexedField, Set<string>>(unique.map((f) => [f, new Set()]));
  for (const spec of specs) {
    if (spec.email) requireEmail(spec.email);
    if (spec.phone) requirePhone(spec.phone);
    if (spec.passwordHash !== undefined && !HASH.test(spec.passwordHash))
      throw fail(2510, { field: 'passwordHash' });
    for (const f of unique) {
      const v = spec[f];
      if (!v) continue;
      const key = foldKey(f, v);
      const batch = seen.get(f) as Set<string>;
      if (batch.has(key) || findUser(pool, f, v)) throw fail(2026, { field: f, value: v });
      batch.add(key);
    }
  }
}

/**
 * Creates GenAuth users in pool `poolId` in bulk, indexed like any other user. Every spec is
 * checked first (malformed e-mail 2003, phone 2028, hash 2510, a taken identifier 2026, unknown
 * pool 2224): on error nothing is created. Ids come from the seeded stream, times from the mock
 * clock (one timestamp per call). Passwords: `passwordHash` is stored as given; a plaintext
 * `password` is hashed once per distinct password per call, with a salt derived from the seed and
 * the password, so 100k accounts sharing a password cost one scrypt (each verifies normally).
 */
export function bulkCreateGenauthUsers(
  ctx: Context,
  poolId: string,
  specs: readonly GenauthUserSpec[],
): UserRecord[] {
  const pool = ctx.store.genauth.pools.get(poolId);
  if (!pool) throw fail(2224, { userPoolId: poolId });
  check(pool, specs);
  const now = new Date(ctx.clock.now()).toISOString();
  const hashes = new Map<string, string>();
  const hashOf = (password: string): string => {
    let hash = hashes.get(password);
    if (hash === undefined) {
      const salt = createHash('sha256')
        .update(`${ctx.store.fixtures.seed}:bulk-salt:${password}`)
        .digest('hex')
        .slice(0, 32);
      hash = hashPassword(password, salt);
      hashes.set(password, hash);
    }
    return hash;
  };
  const out = new Array<UserRecord>(specs.length);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i] as GenauthUserSpec;
    const user = blankUser(ctx.random.hex(24), poolId, now);
    for (const f of INDEXED_FIELDS) if (spec[f]) user[f] = spec[f];
    if (spec.openid) user.openid = spec.openid;
    if (spec.nickname) user.nickname = spec.nickname;
    if (spec.email) user.emailVerified = true;
    if (spec.phone) {
      user.phoneVerified = true;
      user.phoneCountryCode = '+86';
    }
    if (spec.passwordHash !== undefined) {
      user.passwordHash = spec.passwordHash;
      user.passwordLevel = spec.passwordLevel ?? 1;
    } else if (spec.password !== undefined) {
      user.passwordHash = hashOf(spec.password);
      user.passwordLevel = passwordLevel(spec.password);
    }
    if (spec.identities?.length) user.identities = spec.identities;
    user.registerSource = sourceList(sourceOf(spec));
    pool.users.set(user.id, user);
    out[i] = user;
  }
  return out;
}
