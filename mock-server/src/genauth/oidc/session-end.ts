import type { Request, Response, Router } from 'express';

import type { Context } from '../../context';
import { endSession } from '../model/oidc-access';
import { findClient, redirectUriAllowed, type Client } from '../model/oidc-clients';
import { oauthFail } from '../model/oidc-errors';
import { methodNotAllowed } from './errors';
import { param, readParams, requestParams } from './params';
import { redirectTo } from './redirect';

const SIGNED_OUT = Buffer.from(
  '<!doctype html><meta charset="utf-8"><title>Signed out</title><p>You are signed out.</p>\n',
);

async function end(ctx: Context, req: Request, res: Response): Promise<void> {
  const params = requestParams(req);
  const hint = param(params, 'id_token_hint');
  const clientId = param(params, 'client_id');
  const redirect = param(params, 'post_logout_redirect_uri');
  let client: Client | null = null;
  if (hint !== null) {
    client = await endSession(ctx, hint);
    if (!client)
      throw oauthFail('invalid_request', 'id_token_hint is not an id_token of this provider');
    if (clientId !== null && clientId !== client.app.id)
      throw oauthFail('invalid_request', 'client_id does not match id_token_hint');
  } else if (clientId !== null) {
    client = findClient(ctx, clientId);
    if (!client) throw oauthFail('invalid_request', 'client_id names no app');
  }
  if (redirect !== null) {
    if (!client)
      throw oauthFail(
        'invalid_request',
        'post_logout_redirect_uri needs id_token_hint or client_id',
      );
    if (!redirectUriAllowed(client.app, redirect))
      throw oauthFail('invalid_request', 'post_logout_redirect_uri is not registered');
    redirectTo(res, redirect, { state: param(params, 'state') });
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', SIGNED_OUT.length);
  res.end(SIGNED_OUT);
}

/**
 * `GET|POST /oidc/session/end` (RP-initiated logout): the session of `id_token_hint` loses its
 * access and refresh tokens; then a redirect to `post_logout_redirect_uri` (one the client
 * accepts, with `state`) or a small page.
 */
export function sessionEndRoutes(router: Router, ctx: Context): void {
  router.get('/session/end', (req, res) => end(ctx, req, res));
  router.post('/session/end', readParams(ctx), (req, res) => end(ctx, req, res));
  router.all('/session/end', methodNotAllowed('GET', 'POST'));
}
