import type { Router } from 'express';

import type { Context } from '../../context';
import { queryOf } from '../body';
import { checkSession, resetUserSessionKey } from '../login-state';
import { sendWechatJson } from '../render';
import { held } from './held';

/**
 * `GET /wxa/checksession` (is this session_key still the live one?) and
 * `GET /wxa/resetusersessionkey` (a new key with the old expiry; the old one dies at once).
 */
export function sessionRoutes(router: Router, ctx: Context): void {
  const { timers } = ctx.options;
  router.all(
    '/wxa/checksession',
    held(timers, (req, res) => {
      checkSession(ctx, queryOf(req));
      sendWechatJson(res, { errcode: 0, errmsg: 'ok' });
    }),
  );
  router.all(
    '/wxa/resetusersessionkey',
    held(timers, (req, res) => {
      const next = resetUserSessionKey(ctx, queryOf(req));
      sendWechatJson(res, {
        errcode: 0,
        errmsg: 'ok',
        openid: next.openid,
        session_key: next.sessionKey,
      });
    }),
  );
}
