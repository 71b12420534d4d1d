import type { Router } from 'express';

import type { Context } from '../../context';
import { jsonObjectBody, queryOf, rawBody } from '../body';
import { wechatError } from '../errcodes';
import { accessToken, stableAccessToken } from '../tokens';
import { sendWechatJson } from '../render';
import { held } from './held';

/**
 * The two isolated access-token families: `GET /cgi-bin/token` (query string) and
 * `POST /cgi-bin/stable_token` (JSON body; any other method → 43002).
 */
export function tokenRoutes(router: Router, ctx: Context): void {
  const { timers } = ctx.options;
  router.all(
    '/cgi-bin/token',
    held(timers, (req, res) => {
      sendWechatJson(res, accessToken(ctx, queryOf(req)));
    }),
  );
  router.post(
    '/cgi-bin/stable_token',
    rawBody(ctx),
    held(timers, (req, res) => {
      sendWechatJson(res, stableAccessToken(ctx, jsonObjectBody(req)));
    }),
  );
  router.all('/cgi-bin/stable_token', () => {
    throw wechatError(43002);
  });
}
