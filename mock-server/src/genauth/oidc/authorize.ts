import type { Request, Response, Router } from 'express';

import type { Context } from '../../context';
import { normaliseScope } from '../model/oidc-claims';
import { findClient, redirectUriAllowed } from '../model/oidc-clients';
import { createCode } from '../model/oidc-codes';
import { OAuthError, oauthFail } from '../model/oidc-errors';
import { issuerOf } from '../model/tokens';
import type { PoolState, UserRecord } from '../model/types';
import { findUser, recordLogin } from '../model/users';
import { methodNotAllowed } from './errors';
import { param, readParams, requestParams, type Params } from './params';
import { redirectTo } from './redirect';

/** An S256 challenge: the base64url SHA-256 of a verifier, 43 characters. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The user `login_hint` names: a user id, e-mail, phone or username of the pool. */
export function hintedUser(pool: PoolState, hint: string): UserRecord | undefined {
  return (
    pool.users.get(hint) ??
    findUser(pool, 'email', hint) ??
    findUser(pool, 'phone', hint) ??
    findUser(pool, 'username', hint)
  );
}

function authorize(ctx: Context, req: Request, res: Response): void {
  const params: Params = requestParams(req);
  const client = findClient(ctx, param(params, 'client_id'));
  if (!client) throw oauthFail('invalid_request', 'client_id names no app');
  const redirectUri = param(params, 'redirect_uri');
  if (redirectUri === null) throw oauthFail('invalid_request', 'redirect_uri is required');
  if (!redirectUriAllowed(client.app, redirectUri))
    throw oauthFail('invalid_request', 'redirect_uri is not registered for this client');
  // From here on errors go back to the client through its redirect URI (RFC 6749 §4.1.2.1).
  const state = param(params, 'state');
  const iss = issuerOf(client.pool.pool);
  try {
    const responseType = param(params, 'response_type');
    if (responseType !== 'code')
      throw oauthFail('unsupported_response_type', 'response_type must be code');
    const mode = param(params, 'response_mode');
    if (mode !== null && mode !== 'query')
      throw oauthFail('invalid_request', 'response_mode must be query');
    const challenge = param(params, 'code_challenge');
    const method = param(params, 'code_challenge_method');
    if (challenge === null && method !== null)
      throw oauthFail('invalid_request', 'code_challenge_method without code_challenge');
    if (challenge !== null && method !== 'S256')
      throw oauthFail('invalid_request', 'code_challenge_method must be S256');
    if (challenge !== null && !CHALLENGE.test(challenge))
      throw oauthFail('invalid_request', 'code_challenge is not an S256 challenge');
    const hint = param(params, 'login_hint');
    if (hint === null)
      throw oauthFail('login_required', 'the mock has no login page: name the user in login_hint');
    const user = hintedUser(client.pool, hint);
    if (!user) throw oauthFail('access_denied', 'login_hint names no user of this pool');
    if (user.blocked) throw oauthFail('access_denied', 'the user is blocked');
    recordLogin(ctx, user);
    const code = createCode(ctx, {
      poolId: client.pool.pool.id,
      appId: client.app.id,
      userId: user.id,
      redirectUri,
      scope: normaliseScope(param(params, 'scope')),
      nonce: param(params, 'nonce'),
      codeChallenge: challenge,
      authTime: ctx.clock.nowSeconds(),
    });
    redirectTo(res, redirectUri, { code, state, iss });
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    redirectTo(res, redirectUri, {
      error: e.error,
      error_description: e.description,
      state,
      iss,
    });
  }
}

/**
 * `GET|POST /oidc/auth` (authorization code flow). The mock has no login page: the user is the
 * one `login_hint` names (user id, e-mail, phone or username), authorised at once. An unknown
 * client or a redirect URI it does not accept → 400 JSON; every later error is redirected.
 */
export function authorizeRoutes(router: Router, ctx: Context): void {
  router.get('/auth', (req, res) => authorize(ctx, req, res));
  router.post('/auth', readParams(ctx), (req, res) => authorize(ctx, req, res));
  router.all('/auth', methodNotAllowed('GET', 'POST'));
}
