import type { Router } from 'express';

import type { Context } from '../../context';
import { CLAIMS_SUPPORTED, SCOPES_SUPPORTED } from '../model/oidc-claims';
import { issuerOf, jwks } from '../model/tokens';
import { publicBase, resolveTenant } from '../request';
import { sendJson } from './errors';
import { introspectionMethodsOf } from './introspection-auth';

/**
 * `GET /oidc/.well-known/openid-configuration` (of the pool the tenant headers name: its issuer
 * is the `iss` of the pool's tokens; the introspection methods are those of the app named, or
 * every one an app of the pool may be set to) and `GET /oidc/.well-known/jwks.json`.
 */
export function discoveryRoutes(router: Router, ctx: Context): void {
  router.get('/.well-known/jwks.json', async (_req, res) => {
    sendJson(res, await jwks());
  });

  router.get('/.well-known/openid-configuration', (req, res) => {
    const { pool, app } = resolveTenant(ctx, req.headers);
    const oidc = `${publicBase(ctx, req)}/oidc`;
    sendJson(res, {
      issuer: issuerOf(pool.pool),
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      userinfo_endpoint: `${oidc}/me`,
      jwks_uri: `${oidc}/.well-known/jwks.json`,
      revocation_endpoint: `${oidc}/token/revocation`,
      introspection_endpoint: `${oidc}/token/introspection`,
      end_session_endpoint: `${oidc}/session/end`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'password',
      ],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['HS256', 'RS256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
      revocation_endpoint_auth_methods_supported: [
        'none',
        'client_secret_post',
        'client_secret_basic',
      ],
      introspection_endpoint_auth_methods_supported: app
        ? introspectionMethodsOf(app)
        : ['none', 'client_secret_post', 'client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: [...SCOPES_SUPPORTED],
      claims_supported: [...CLAIMS_SUPPORTED, 'data'],
      claims_parameter_supported: false,
      request_parameter_supported: false,
      authorization_response_iss_parameter_supported: true,
    });
  });
}
