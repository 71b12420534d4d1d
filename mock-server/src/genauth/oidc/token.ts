import type { Router } from 'express';

import type { Context } from '../../context';
import { authenticateClient } from '../model/oidc-clients';
import { redeemCode } from '../model/oidc-codes';
import { oauthFail } from '../model/oidc-errors';
import { clientCredentialsGrant, passwordGrant, refreshGrant } from '../model/oidc-grants';
import { issueTokenSet } from '../model/oidc-tokens';
import { credentialsOf } from './client-auth';
import { methodNotAllowed, sendJson } from './errors';
import { bodyParams, param, readParams, required } from './params';

/**
 * `POST /oidc/token` (form or JSON): the `authorization_code` (PKCE S256), `refresh_token`
 * (rotating), `password` and `client_credentials` grants. The client authenticates with
 * `client_secret_basic` or `client_secret_post`, or with `none` (its `client_id`, or the
 * `x-authing-app-id` header as the successor SDK sends it) for every grant but
 * `client_credentials`; a code redeemed without a secret must have been issued with PKCE.
 */
export function tokenRoutes(router: Router, ctx: Context): void {
  router.post('/token', readParams(ctx), async (req, res) => {
    const params = bodyParams(req);
    const grant = param(params, 'grant_type');
    if (grant === null) throw oauthFail('invalid_request', 'grant_type is required');
    const creds = () => credentialsOf(req, params);
    const scope = param(params, 'scope');
    switch (grant) {
      case 'refresh_token': {
        const client = authenticateClient(ctx, creds(), true);
        const token = required(params, 'refresh_token');
        sendJson(res, await refreshGrant(ctx, client, token, scope));
        return;
      }
      case 'authorization_code': {
        const client = authenticateClient(ctx, creds(), true);
        const code = required(params, 'code');
        const record = redeemCode(
          ctx,
          client.app.id,
          code,
          param(params, 'redirect_uri'),
          param(params, 'code_verifier'),
        );
        if (!client.withSecret && record.codeChallenge === null)
          throw oauthFail('invalid_client', 'a client without a secret must use PKCE');
        sendJson(
          res,
          await issueTokenSet(ctx, {
            poolId: record.poolId,
            appId: record.appId,
            userId: record.userId,
            scope: record.scope,
            nonce: record.nonce,
            authTime: record.authTime,
          }),
        );
        return;
      }
      case 'password': {
        const client = authenticateClient(ctx, creds(), true);
        const username = required(params, 'username');
        const password = required(params, 'password');
        sendJson(res, await passwordGrant(ctx, client, username, password, scope));
        return;
      }
      case 'client_credentials': {
        const client = authenticateClient(ctx, creds(), false);
        sendJson(res, await clientCredentialsGrant(ctx, client, scope));
        return;
      }
      default:
        throw oauthFail('unsupported_grant_type', `grant_type ${grant} is not supported`);
    }
  });
  router.all('/token', methodNotAllowed('POST'));
}
