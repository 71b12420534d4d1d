import type { Request, Response, Router } from 'express';

import type { Context } from '../../context';
import { activeAccessToken } from '../model/oidc-access';
import { hasScope, userClaims } from '../model/oidc-claims';
import { oauthFail } from '../model/oidc-errors';
import { bearerOf } from '../request';
import { methodNotAllowed, sendJson } from './errors';
import { bodyParams, param, readParams } from './params';

/** The access token of `Authorization: Bearer` (or a bare token) or of the form body. */
function accessTokenOf(req: Request): string {
  const header = bearerOf(req.headers);
  const body = param(bodyParams(req), 'access_token');
  if (header !== null && body !== null)
    throw oauthFail('invalid_request', 'send the access token once');
  const token = header ?? body;
  if (token === null) throw oauthFail('invalid_token', 'an access token is required');
  return token;
}

/**
 * `GET|POST /oidc/me` (OIDC userinfo): the claims of the token's scope (`openid` required; a v2
 * login token counts as `openid profile email phone`). No, a bad, an expired or a revoked token,
 * or one that names no user → 401 `invalid_token`.
 */
export function userinfoRoutes(router: Router, ctx: Context): void {
  const userinfo = async (req: Request, res: Response) => {
    const active = await activeAccessToken(ctx, accessTokenOf(req));
    const user = active?.userId ? active.pool.users.get(active.userId) : undefined;
    if (!active || !user)
      throw oauthFail('invalid_token', 'the access token is invalid, expired or revoked');
    if (!hasScope(active.scope, 'openid'))
      throw oauthFail('insufficient_scope', 'the access token has no openid scope');
    sendJson(res, userClaims(user, active.scope));
  };
  router.get('/me', userinfo);
  router.post('/me', readParams(ctx), userinfo);
  router.all('/me', methodNotAllowed('GET', 'POST'));
}
