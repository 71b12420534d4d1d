import type { Router } from 'express';

import type { Context } from '../../context';
import { jsonObjectBody, queryOf, rawBody } from '../body';
import { wechatError } from '../errcodes';
import { authenticateApp, issueToken, stableToken } from '../tokens';
import { sendWechatJson } from '../render';

/**
 * The two isolated access-token families: `GET /cgi-bin/token` (query string) and
 * `POST /cgi-bin/stable_token` (JSON body; any other method → 43002).
 */
export function tokenRoutes(router: Router, ctx: Context): void {
  router.all('/cgi-bin/token', (req, res) => {
    sendWechatJson(res, issueToken(ctx, authenticateApp(ctx, queryOf(req))));
  });
  router.post('/cgi-bin/stable_token', rawBody(ctx), (req, res) => {
    const body = jsonObjectBody(req);
    const force = body['force_refresh'];
    if (force !== undefined && typeof force !== 'boolean') throw wechatError(47001);
    sendWechatJson(res, stableToken(ctx, authenticateApp(ctx, body), force === true));
  });
  router.all('/cgi-bin/stable_token', () => {
    throw wechatError(43002);
  });
}
