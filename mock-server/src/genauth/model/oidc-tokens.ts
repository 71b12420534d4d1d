import type { GenauthAppFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../../context';
import { hasScope, normaliseScope, userClaims } from './oidc-claims';
import { oauthFail } from './oidc-errors';
import { idTokenSigner, signJwt } from './oidc-jwt';
import { oidcState, type SessionRecord } from './oidc-state';
import { issuerOf, issueToken } from './tokens';
import type { PoolState, UserRecord } from './types';

/** Refresh tokens live this long (seconds, mock clock): 30 days, the GenAuth console default. */
export const REFRESH_TOKEN_LIFETIME = 30 * 24 * 3600;

/** The scope of a token set asked for with none. */
export const DEFAULT_SCOPE = 'openid profile';

/** The OIDC token response (`POST /oidc/token`, and the v3 login answers' `data`). */
export interface OidcTokenResponse {
  access_token: string;
  /** Present when the scope has `openid`. */
  id_token?: string;
  /** Present when the scope has `offline_access`. */
  refresh_token?: string;
  token_type: 'Bearer';
  /** Seconds until `access_token` expires. */
  expires_in: number;
  scope: string;
}

/** Who a token set is for. */
export interface TokenSetInput {
  poolId: string;
  /** The GenAuth app (the OIDC client) the tokens are issued to. */
  appId: string;
  userId: string;
  /** Space-separated; unknown scopes are dropped, none at all means {@link DEFAULT_SCOPE}. */
  scope?: string | null;
  /** Echoed in the id_token. */
  nonce?: string | null;
  /** Epoch seconds of the authentication (default: now). */
  authTime?: number;
  /** The session to add the tokens to (default: a new one). */
  sid?: string;
}

/** The pool, app and user a token set names. Unknown → `invalid_grant`. */
export function subjectOf(
  ctx: Context,
  input: Pick<TokenSetInput, 'poolId' | 'appId' | 'userId'>,
): { pool: PoolState; app: GenauthAppFixture; user: UserRecord } {
  const pool = ctx.store.genauth.pools.get(input.poolId);
  const app = pool?.apps.get(input.appId);
  if (!pool || !app) throw oauthFail('invalid_client', 'unknown client');
  const user = pool.users.get(input.userId);
  if (!user) throw oauthFail('invalid_grant', 'the user does not exist');
  return { pool, app, user };
}

function sessionFor(ctx: Context, input: TokenSetInput, authTime: number): SessionRecord {
  const sessions = oidcState(ctx).sessions;
  const existing = input.sid === undefined ? undefined : sessions.get(input.sid);
  if (existing) return existing;
  return {
    sid: input.sid ?? ctx.random.hex(24),
    poolId: input.poolId,
    appId: input.appId,
    userId: input.userId,
    authTime,
    accessTokens: new Set(),
    refreshTokens: new Set(),
    expiresAt: 0,
  };
}

/** Forgets the tokens of `session` that have expired (so a long session stays small). */
function prune(ctx: Context, session: SessionRecord): void {
  const state = oidcState(ctx);
  for (const t of session.accessTokens)
    if (!state.accessTokens.has(t)) session.accessTokens.delete(t);
  for (const t of session.refreshTokens)
    if (!state.refreshTokens.has(t)) session.refreshTokens.delete(t);
}

/**
 * Issues an OIDC token set to a user at an app: the access token is the GenAuth user token the
 * v2 API accepts (`issueToken`: HS256 with the pool secret, or RS256), the id_token carries
 * `sub`, `aud` (the app), `iss`, `iat`, `exp`, `auth_time`, `nonce`, `sid` and the claims of the
 * scope (RS256 with the bundled key, or HS256 with the app secret), and a refresh token comes
 * with `offline_access`. Every token joins the session `sid` (end-session revokes them together).
 * @throws {OAuthError} `invalid_client` (unknown pool or app), `invalid_grant` (unknown user)
 */
export async function issueTokenSet(
  ctx: Context,
  input: TokenSetInput,
): Promise<OidcTokenResponse> {
  const { pool, app, user } = subjectOf(ctx, input);
  const scope = normaliseScope(input.scope) || DEFAULT_SCOPE;
  const state = oidcState(ctx);
  const authTime = input.authTime ?? ctx.clock.nowSeconds();
  const session = sessionFor(ctx, input, authTime);
  prune(ctx, session);

  const access = await issueToken(ctx, pool, app, user);
  state.accessTokens.set(access.token, {
    poolId: pool.pool.id,
    appId: app.id,
    userId: user.id,
    scope,
    sid: session.sid,
    iat: access.iat,
    expiresAt: access.exp * 1000,
  });
  session.accessTokens.add(access.token);
  session.expiresAt = Math.max(session.expiresAt, access.exp * 1000);

  const out: OidcTokenResponse = {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: access.exp - access.iat,
    scope,
  };
  if (hasScope(scope, 'openid')) {
    out.id_token = await signJwt(
      {
        ...userClaims(user, scope),
        iss: issuerOf(pool.pool),
        aud: app.id,
        iat: access.iat,
        exp: access.exp,
        auth_time: session.authTime,
        ...(input.nonce ? { nonce: input.nonce } : {}),
        sid: session.sid,
      },
      idTokenSigner(app),
    );
  }
  if (hasScope(scope, 'offline_access')) {
    const refresh = ctx.random.alnum(48);
    const expiresAt = (access.iat + REFRESH_TOKEN_LIFETIME) * 1000;
    state.refreshTokens.set(refresh, {
      poolId: pool.pool.id,
      appId: app.id,
      userId: user.id,
      scope,
      sid: session.sid,
      authTime: session.authTime,
      expiresAt,
    });
    session.refreshTokens.add(refresh);
    session.expiresAt = Math.max(session.expiresAt, expiresAt);
    out.refresh_token = refresh;
  }
  state.sessions.set(session.sid, session);
  return out;
}
