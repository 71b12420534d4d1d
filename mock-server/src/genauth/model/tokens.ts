import { createHmac, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';

import type { GenauthAppFixture } from '@genauth-wxapp/fixtures';
import type * as Jose from 'jose';

import type { Context } from '../../context';
import { TOKEN_KEY_ID, TOKEN_PRIVATE_KEY } from '../keys';
import { jose } from './jose';
import type { PoolState, UserRecord } from './types';

export { tokenExpiry } from './token-expiry';

/** Default lifetime of a user token when the app sets none: 15 days. */
export const DEFAULT_TOKEN_LIFETIME = 15 * 24 * 3600;

/** A freshly minted token. */
export interface IssuedToken {
  token: string;
  iat: number;
  exp: number;
}

/** The result of checking a bearer token. */
export type TokenCheck =
  | { ok: true; token: string; userId: string; iat: number; exp: number; appId: string | null }
  | { ok: false; code: 2020 | 2206 | 2207 };

let rsPrivateKey: Promise<Jose.KeyLike> | undefined;
const rsPrivate = (): Promise<Jose.KeyLike> =>
  (rsPrivateKey ??= jose().importPKCS8(TOKEN_PRIVATE_KEY, 'RS256'));
const rsPublic: KeyObject = createPublicKey(TOKEN_PRIVATE_KEY);
const hsKeys = new Map<string, KeyObject>();

/** The HS256 key of a pool secret, as a KeyObject (jose then skips a WebCrypto import per call). */
function hsKey(secret: string): KeyObject {
  let key = hsKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    hsKeys.set(secret, key);
  }
  return key;
}

const HS256_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString(
  'base64url',
);

/**
 * Compact HS256 JWS of `claims` (RFC 7515): the login hot path signs with one HMAC instead of
 * jose's async pipeline; every token is still verified by jose (`checkToken`).
 */
function signHs256(claims: object, key: KeyObject): string {
  const input = `${HS256_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/** The `arn` of a user, as in real tokens and users. */
export const userArn = (poolId: string, userId: string): string =>
  `arn:cn:authing:${poolId}:user:${userId}`;

/** `iss` of a pool's tokens. */
export const issuerOf = (pool: PoolState['pool']): string => `https://${pool.domain}/oidc`;

/**
 * Signs a user token: `sub`, `iat`, `exp`, `iss`, `aud` (the app, else the pool), a `jti` from the
 * seeded stream and the `data{…}` block of real GenAuth tokens. HS256 with the pool secret, or
 * RS256 with the bundled key when the app asks for it.
 */
export async function issueToken(
  ctx: Context,
  pool: PoolState,
  app: GenauthAppFixture | null,
  user: UserRecord,
): Promise<IssuedToken> {
  const iat = ctx.clock.nowSeconds();
  const exp = iat + (app?.tokenLifetime ?? DEFAULT_TOKEN_LIFETIME);
  const clientId = app?.id ?? pool.pool.id;
  const data = {
    type: 'user',
    userPoolId: pool.pool.id,
    appId: app?.id ?? null,
    arn: userArn(pool.pool.id, user.id),
    id: user.id,
    userId: user.id,
    _id: user.id,
    phone: user.phone,
    email: user.email,
    username: user.username,
    unionid: user.unionid,
    openid: user.openid,
    clientId,
  };
  const claims = {
    data,
    sub: user.id,
    iat,
    exp,
    iss: issuerOf(pool.pool),
    aud: clientId,
    jti: ctx.random.hex(16),
  };
  const token =
    app?.tokenAlgorithm === 'RS256'
      ? await new (jose().SignJWT)(claims)
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: TOKEN_KEY_ID })
          .sign(await rsPrivate())
      : signHs256(claims, hsKey(pool.pool.secret));
  return { token, iat, exp };
}

/** The pool a token claims to belong to, without verifying it (for tenancy resolution only). */
export function claimedPoolId(token: string): string | null {
  try {
    const data = (jose().decodeJwt(token) as { data?: { userPoolId?: unknown } }).data;
    return typeof data?.userPoolId === 'string' ? data.userPoolId : null;
  } catch {
    return null;
  }
}

/**
 * Verifies `token` for `pool`: signature (pool secret or bundled RS256 key), expiry against the
 * mock clock, pool claim, revocation and that the user still exists. Missing → 2020, expired or
 * revoked → 2206, anything else wrong → 2207.
 */
export async function checkToken(
  ctx: Context,
  pool: PoolState,
  token: string | null,
): Promise<TokenCheck> {
  if (!token) return { ok: false, code: 2020 };
  let alg: unknown;
  try {
    alg = jose().decodeProtectedHeader(token).alg;
  } catch {
    return { ok: false, code: 2207 };
  }
  const key = alg === 'RS256' ? rsPublic : alg === 'HS256' ? hsKey(pool.pool.secret) : null;
  if (!key) return { ok: false, code: 2207 };
  try {
    const { payload } = await jose().jwtVerify(token, key, {
      algorithms: [alg as string],
      currentDate: new Date(ctx.clock.now()),
      issuer: issuerOf(pool.pool),
    });
    const data = payload['data'] as
      { userPoolId?: unknown; id?: unknown; appId?: unknown } | undefined;
    const userId = payload.sub ?? data?.id;
    if (data?.userPoolId !== pool.pool.id || typeof userId !== 'string')
      return { ok: false, code: 2207 };
    if (ctx.store.genauth.revoked.has(token)) return { ok: false, code: 2206 };
    if (!pool.users.has(userId)) return { ok: false, code: 2207 };
    return {
      ok: true,
      token,
      userId,
      iat: payload.iat ?? 0,
      exp: payload.exp ?? 0,
      appId: typeof data.appId === 'string' ? data.appId : null,
    };
  } catch (e) {
    return { ok: false, code: e instanceof jose().errors.JWTExpired ? 2206 : 2207 };
  }
}

/** The JWKS of RS256 apps (the bundled key's public half). */
export async function jwks(): Promise<{ keys: Record<string, unknown>[] }> {
  const jwk = await jose().exportJWK(rsPublic);
  return { keys: [{ ...jwk, kid: TOKEN_KEY_ID, use: 'sig', alg: 'RS256' }] };
}
