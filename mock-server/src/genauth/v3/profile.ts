/** The signed-in user's profile and password, and the public keys of `GET /api/v3/system`. */
import type { Router } from 'express';

import type { Context } from '../../context';
import { PASSWORD_PUBLIC_KEY } from '../keys';
import { requireCaller } from '../model/session';
import { updatePasswordV3 } from '../model/v3-account';
import { updateProfileV3, userInfoV3 } from '../model/v3-user';
import { bodyOf, jsonBody, ok, send, v3 } from './envelope';
import { flag, oneOf, optText, text } from './input';

/** The mock's version strings in `GET /api/v3/system`. */
const VERSION = { server: 'genauth-mock', console: 'genauth-mock', login: 'genauth-mock' };

/** `system`, `get-profile`, `update-profile`, `update-password`. */
export function profileRoutes(router: Router, ctx: Context): void {
  // Bare, not enveloped: the SDK checks `rsa || sm2` on the body itself. The mock has no SM2 key.
  router.get('/api/v3/system', (_req, res) =>
    send(res, { rsa: { publicKey: PASSWORD_PUBLIC_KEY }, version: VERSION, publicIps: [] }),
  );

  router.get(
    '/api/v3/get-profile',
    v3(ctx, async (req, res, tenant) => {
      const q = req.query as Record<string, unknown>;
      const opts = {
        withCustomData: flag(q['withCustomData'], 'withCustomData'),
        withIdentities: flag(q['withIdentities'], 'withIdentities'),
        withDepartmentIds: flag(q['withDepartmentIds'], 'withDepartmentIds'),
      };
      const t = tenant();
      const { user } = await requireCaller(ctx, t);
      ok(res, userInfoV3(t.pool, user, opts));
    }),
  );

  router.post(
    '/api/v3/update-profile',
    jsonBody(ctx),
    v3(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const t = tenant();
      const { user } = await requireCaller(ctx, t);
      updateProfileV3(ctx, t.pool, user, body);
      ok(res, userInfoV3(t.pool, user));
    }),
  );

  router.post(
    '/api/v3/update-password',
    jsonBody(ctx),
    v3(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const newPassword = text(body, 'newPassword');
      const oldPassword = optText(body, 'oldPassword');
      const type = oneOf(body, 'passwordEncryptType', ['none', 'rsa', 'sm2'] as const, 'none');
      const { user } = await requireCaller(ctx, tenant());
      updatePasswordV3(ctx, user, { newPassword, oldPassword, type });
      ok(res);
    }),
  );
}
