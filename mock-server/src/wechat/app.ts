import { Router, type RequestHandler } from 'express';

import type { Context } from '../context';
import { withFaults } from './fault-gate';
import { wechatErrors } from './render';
import { phoneRoutes } from './routes/phone';
import { sessionRoutes } from './routes/session';
import { snsRoutes } from './routes/sns';
import { tokenRoutes } from './routes/token';

/**
 * api.weixin.qq.com: `/sns/jscode2session`, `/cgi-bin/token`, `/cgi-bin/stable_token`,
 * `/wxa/business/getuserphonenumber`, `/wxa/checksession`, `/wxa/resetusersessionkey`.
 * Every error is HTTP 200 `{errcode, errmsg: "…, rid: …"}`. Pending faults (`/__mock/v1/faults`)
 * answer before the routes; with none pending the router is reached directly.
 */
export function wechatApp(ctx: Context): RequestHandler {
  // One flat router (no nested routers): jscode2session, the hot path, is matched first.
  const router = Router();
  snsRoutes(router, ctx);
  tokenRoutes(router, ctx);
  phoneRoutes(router, ctx);
  sessionRoutes(router, ctx);
  router.use(wechatErrors(ctx));
  return withFaults(ctx, router);
}
