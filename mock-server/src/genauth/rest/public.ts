import type { Router } from 'express';

import type { Context } from '../../context';
import { sendCode } from '../model/codes';
import { namesTenant } from '../request';
import { requirePhone } from '../model/validate';
import { PASSWORD_PUBLIC_KEY } from '../keys';
import { bodyOf, jsonBody, ok, rest } from './envelope';

/** Anonymous routes: the password key and SMS codes (OIDC discovery and JWKS: `../oidc`). */
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
}
