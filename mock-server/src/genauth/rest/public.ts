import type { Router } from 'express';

import type { Context } from '../../context';
import { sendCode } from '../model/codes';
import { namesTenant } from '../request';
import { issuerOf, jwks } from '../model/tokens';
import { requirePhone } from '../model/validate';
import { PASSWORD_PUBLIC_KEY } from '../keys';
import { bodyOf, jsonBody, ok, rest } from './envelope';

/** Anonymous routes: the password key, SMS codes, OIDC discovery and JWKS. */
export function publicRoutes(router: Router, ctx: Context): void {
  router.get(
    '/api/v2/.well-known',
    rest(ctx, (req, res, tenant) => {
      // One key serves every pool; a named pool or app must still exist.
      if (namesTenant(req.headers)) tenant();
      ok(res, { publicKey: PASSWORD_PUBLIC_KEY }, '获取成功');
    }),
  );

  router.post(
    '/api/v2/sms/send',
    jsonBody(ctx),
    rest(ctx, (req, res, tenant) => {
      const phone = requirePhone(bodyOf(req)['phone']);
      sendCode(ctx, tenant().pool, 'sms', phone, 'sms');
      ok(res, undefined, '发送成功');
    }),
  );

  router.get('/oidc/.well-known/jwks.json', async (_req, res) => {
    res.json(await jwks());
  });

  router.get(
    '/oidc/.well-known/openid-configuration',
    rest(ctx, (req, res, tenant) => {
      const base = ctx.baseUrl() || `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      res.json({
        issuer: issuerOf(tenant().pool.pool),
        jwks_uri: `${base}/oidc/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ['HS256', 'RS256'],
        subject_types_supported: ['public'],
        response_types_supported: ['code', 'id_token', 'token'],
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'data'],
      });
    }),
  );
}
