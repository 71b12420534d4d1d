/** The grants of `POST /oidc/token` besides the authorization code: refresh, password, client. */
import type { Context } from '../../context';
import { hasScope } from './oidc-claims';
import type { Client } from './oidc-clients';
import { oauthFail } from './oidc-errors';
import { signJwt, type Signer } from './oidc-jwt';
import { oidcState } from './oidc-state';
import { issueTokenSet, type OidcTokenResponse } from './oidc-tokens';
import { verifyPassword } from './passwords';
import { DEFAULT_TOKEN_LIFETIME, issuerOf } from './tokens';
import type { UserRecord } from './types';
import { findUser, recordLogin } from './users';

/** A narrower scope than the one granted, or the granted one when `asked` is empty. */
function narrowed(granted: string, asked: string | null): string {
  if (!asked) return granted;
  const wanted = asked.split(/\s+/).filter(Boolean);
  if (!wanted.every((s) => hasScope(granted, s)))
    throw oauthFail('invalid_scope', 'scope exceeds the one originally granted');
  return wanted.join(' ');
}

/** Refuses users who may not sign in. */
function assertActive(user: UserRecord): void {
  if (user.blocked) throw oauthFail('invalid_grant', 'the user is blocked');
}

/**
 * `refresh_token` grant with rotation: the refresh token is spent and a new set issued in the
 * same session (same `auth_time`, `sid`). Unknown, expired, revoked, already rotated or another
 * client's → `invalid_grant`; a wider `scope` → `invalid_scope`.
 * @throws {OAuthError}
 */
export async function refreshGrant(
  ctx: Context,
  client: Client,
  refreshToken: string,
  scope: string | null,
): Promise<OidcTokenResponse> {
  const state = oidcState(ctx);
  const record = state.refreshTokens.get(refreshToken);
  if (!record || record.appId !== client.app.id)
    throw oauthFail('invalid_grant', 'refresh token is invalid, expired, revoked or already used');
  const user = client.pool.users.get(record.userId);
  if (!user) throw oauthFail('invalid_grant', 'the user does not exist');
  assertActive(user);
  const granted = narrowed(record.scope, scope);
  state.refreshTokens.delete(refreshToken);
  state.sessions.get(record.sid)?.refreshTokens.delete(refreshToken);
  // The new set keeps offline_access (and so a refresh token) even when the request narrows it.
  const next = hasScope(granted, 'offline_access') ? granted : `${granted} offline_access`;
  return issueTokenSet(ctx, {
    poolId: record.poolId,
    appId: record.appId,
    userId: record.userId,
    scope: next,
    authTime: record.authTime,
    sid: record.sid,
  });
}

/**
 * `password` grant: `username` is a username, e-mail or phone of the client's pool, `password`
 * its plaintext password. Unknown account or wrong password → `invalid_grant`.
 * @throws {OAuthError}
 */
export async function passwordGrant(
  ctx: Context,
  client: Client,
  username: string,
  password: string,
  scope: string | null,
): Promise<OidcTokenResponse> {
  const pool = client.pool;
  const user =
    findUser(pool, 'username', username) ??
    findUser(pool, 'email', username) ??
    findUser(pool, 'phone', username);
  if (!user || !verifyPassword(password, user.passwordHash))
    throw oauthFail('invalid_grant', 'wrong username or password');
  assertActive(user);
  recordLogin(ctx, user);
  return issueTokenSet(ctx, {
    poolId: pool.pool.id,
    appId: client.app.id,
    userId: user.id,
    scope,
  });
}

/**
 * `client_credentials` grant: a token of the app itself, no user (the v2 API refuses it as it
 * names no user), signed like the app's user tokens, with the scope as asked.
 */
export async function clientCredentialsGrant(
  ctx: Context,
  client: Client,
  scope: string | null,
): Promise<OidcTokenResponse> {
  const { pool, app } = client;
  const granted = [...new Set((scope ?? '').split(/\s+/).filter(Boolean))].join(' ');
  const iat = ctx.clock.nowSeconds();
  const exp = iat + (app.tokenLifetime || DEFAULT_TOKEN_LIFETIME);
  const signer: Signer =
    app.tokenAlgorithm === 'RS256' ? { alg: 'RS256' } : { alg: 'HS256', secret: pool.pool.secret };
  const token = await signJwt(
    {
      data: { type: 'client', userPoolId: pool.pool.id, appId: app.id, clientId: app.id },
      sub: app.id,
      client_id: app.id,
      scope: granted,
      gty: 'client_credentials',
      iat,
      exp,
      iss: issuerOf(pool.pool),
      aud: app.id,
      jti: ctx.random.hex(16),
    },
    signer,
  );
  oidcState(ctx).accessTokens.set(token, {
    poolId: pool.pool.id,
    appId: app.id,
    userId: null,
    scope: granted,
    sid: null,
    iat,
    expiresAt: exp * 1000,
  });
  return { access_token: token, token_type: 'Bearer', expires_in: exp - iat, scope: granted };
}
