import type { Router } from 'express';

import type { Context } from '../../context';
import { authenticateClient } from '../model/oidc-clients';
import { introspect, revokeToken } from '../model/oidc-access';
import { credentialsOf } from './client-auth';
import { methodNotAllowed, sendJson } from './errors';
import { checkIntrospectionMethod } from './introspection-auth';
import { bodyParams, param, readParams, required } from './params';

/**
 * `POST /oidc/token/revocation` (RFC 7009; `client_id` alone is enough, as the successor SDK
 * sends it) → HTTP 200 with an empty body, whether or not the token was known, and
 * `POST /oidc/token/introspection` (RFC 7662; the client authenticates by its app's
 * `introspectionAuthMethod`, by default with its secret).
 */
export function revocationRoutes(router: Router, ctx: Context): void {
  router.post('/token/revocation', readParams(ctx), async (req, res) => {
    const params = bodyParams(req);
    const client = authenticateClient(ctx, credentialsOf(req, params), true);
    await revokeToken(ctx, client, required(params, 'token'), param(params, 'token_type_hint'));
    res.statusCode = 200;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Length', 0);
    res.end();
  });
  router.all('/token/revocation', methodNotAllowed('POST'));

  router.post('/token/introspection', readParams(ctx), async (req, res) => {
    const params = bodyParams(req);
    const creds = credentialsOf(req, params);
    const client = authenticateClient(ctx, creds, true);
    checkIntrospectionMethod(client.app, creds);
    const token = required(params, 'token');
    sendJson(res, await introspect(ctx, client, token, param(params, 'token_type_hint')));
  });
  router.all('/token/introspection', methodNotAllowed('POST'));
}
