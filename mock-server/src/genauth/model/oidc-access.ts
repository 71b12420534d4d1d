/** What the provider answers about tokens: userinfo, introspection, revocation, end-session. */
import type { Context } from '../../context';
import { V2_TOKEN_SCOPE } from './oidc-claims';
import type { Client } from './oidc-clients';
import { idTokenSigner, peekJwt, verifyJwt } from './oidc-jwt';
import { oidcState } from './oidc-state';
import { checkToken, claimedPoolId, issuerOf } from './tokens';
import type { PoolState } from './types';

/** A live access token, as userinfo and introspection see it. */
export interface ActiveToken {
  token: string;
  pool: PoolState;
  /** `null` for a client_credentials token. */
  userId: string | null;
  /** The client it was issued to (`null`: a v2 token issued to the pool). */
  appId: string | null;
  scope: string;
  iat: number;
  /** Epoch seconds. */
  exp: number;
}

/**
 * The access token `token` when it is live: issued by `/oidc/token` (or a v2 login), unexpired
 * on the mock clock, unrevoked, and its user still exists. Otherwise `null`.
 */
export async function activeAccessToken(ctx: Context, token: string): Promise<ActiveToken | null> {
  const state = ctx.store.genauth;
  const record = oidcState(ctx).accessTokens.get(token);
  if (record && record.userId === null) {
    const pool = state.pools.get(record.poolId);
    if (!pool || state.revoked.has(token)) return null;
    const { scope, iat, appId } = record;
    return { token, pool, userId: null, appId, scope, iat, exp: record.expiresAt / 1000 };
  }
  const poolId = record?.poolId ?? claimedPoolId(token);
  const pool = poolId === null ? undefined : state.pools.get(poolId);
  if (!pool) return null;
  const check = await checkToken(ctx, pool, token);
  if (!check.ok) return null;
  return {
    token,
    pool,
    userId: check.userId,
    appId: record?.appId ?? check.appId,
    scope: record?.scope ?? V2_TOKEN_SCOPE,
    iat: check.iat,
    exp: check.exp,
  };
}

/** The RFC 7662 answer for `token`, asked by `client` (another pool's tokens are inactive). */
export async function introspect(
  ctx: Context,
  client: Client,
  token: string,
  hint: string | null,
): Promise<Record<string, unknown>> {
  const iss = issuerOf(client.pool.pool);
  const refresh = () => {
    const r = oidcState(ctx).refreshTokens.get(token);
    if (!r || r.poolId !== client.pool.pool.id) return null;
    return {
      active: true,
      sub: r.userId,
      client_id: r.appId,
      scope: r.scope,
      exp: Math.floor(r.expiresAt / 1000),
      iss,
      token_type: 'refresh_token',
    };
  };
  const access = async () => {
    const a = await activeAccessToken(ctx, token);
    if (!a || a.pool !== client.pool) return null;
    return {
      active: true,
      sub: a.userId ?? a.appId,
      client_id: a.appId ?? a.pool.pool.id,
      scope: a.scope,
      exp: a.exp,
      iat: a.iat,
      iss,
      aud: a.appId ?? a.pool.pool.id,
      token_type: 'Bearer',
      ...(a.userId === null ? {} : { username: a.pool.users.get(a.userId)?.username ?? null }),
    };
  };
  const found =
    hint === 'refresh_token' ? (refresh() ?? (await access())) : ((await access()) ?? refresh());
  return found ?? { active: false };
}

/** Revokes an access token: v2 and `/oidc/me` refuse it from now on (2206 on v2). */
const revokeAccess = (ctx: Context, token: string): void => {
  ctx.store.genauth.revoked.add(token);
};

/**
 * RFC 7009: revokes `token` when it is an access or refresh token of `client` (an access token
 * of a v2 login issued to the pool counts too); anything else is ignored, as the RFC asks.
 * `hint` (`access_token` / `refresh_token`) only sets which kind is looked up first.
 */
export async function revokeToken(
  ctx: Context,
  client: Client,
  token: string,
  hint: string | null,
): Promise<void> {
  const state = oidcState(ctx);
  const refresh = () => {
    const r = state.refreshTokens.get(token);
    if (!r || r.appId !== client.app.id) return false;
    state.refreshTokens.delete(token);
    state.sessions.get(r.sid)?.refreshTokens.delete(token);
    return true;
  };
  const access = async () => {
    const a = await activeAccessToken(ctx, token);
    if (!a || a.pool !== client.pool || (a.appId !== null && a.appId !== client.app.id))
      return false;
    revokeAccess(ctx, token);
    return true;
  };
  if (hint === 'refresh_token') {
    if (!refresh()) await access();
  } else if (!(await access())) refresh();
}

/**
 * Ends the session an id_token names (`sid`): revokes its access tokens and refresh tokens.
 * The hint must be an id_token of the provider, signed for its audience; an expired one still
 * names its session. Resolves to the client it was issued to, or `null` for a bad hint.
 */
export async function endSession(ctx: Context, idTokenHint: string): Promise<Client | null> {
  const claims = peekJwt(idTokenHint);
  const aud = Array.isArray(claims?.aud) ? claims.aud[0] : claims?.aud;
  const poolId = aud === undefined ? undefined : ctx.store.genauth.appPools.get(aud);
  const pool = poolId === undefined ? undefined : ctx.store.genauth.pools.get(poolId);
  const app = aud === undefined ? undefined : pool?.apps.get(aud);
  if (!pool || !app) return null;
  const verified = await verifyJwt(idTokenHint, idTokenSigner(app), issuerOf(pool.pool), null);
  if (!verified) return null;
  const state = oidcState(ctx);
  const session = typeof verified['sid'] === 'string' ? state.sessions.get(verified['sid']) : null;
  if (session && session.appId === app.id) {
    for (const t of session.accessTokens) if (state.accessTokens.has(t)) revokeAccess(ctx, t);
    for (const t of session.refreshTokens) state.refreshTokens.delete(t);
    state.sessions.delete(session.sid);
  }
  return { pool, app };
}
