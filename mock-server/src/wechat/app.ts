import { Router, type RequestHandler } from 'express';

import type { Context } from '../context';
import { unimplementedRoutes } from '../unimplemented/routes';
import { WECHAT_PREFIXES } from './prefixes';
import { wechatErrors, wechatNotFound } from './render';
import { chargeRoutes } from './routes/charge';
import { phoneRoutes } from './routes/phone';
import { pluginRoutes } from './routes/plugin';
import { securityRoutes } from './routes/security';
import { sessionRoutes } from './routes/session';
import { snsRoutes } from './routes/sns';
import { tokenRoutes } from './routes/token';

export { WECHAT_PREFIXES } from './prefixes';

/**
 * api.weixin.qq.com: `/sns/jscode2session`, `/cgi-bin/token`, `/cgi-bin/stable_token`,
 * `/wxa/business/getuserphonenumber`, `/wxa/checksession`, `/wxa/resetusersessionkey`,
 * `/wxa/charge/usage/get`, `/wxa/business/getuserencryptkey`, `/wxa/business/checkencryptedmsg`,
 * `/wxa/getuserriskrank`, `/wxa/getpluginopenpid`, `/wxa/getpaidunionid`.
 * Every error is HTTP 200 `{errcode, errmsg: "…, rid: …"}`, and any other path under its
 * prefixes a 404 in the same shape; the router's one error renderer answers them all.
 * Pending faults (`/__mock/v1/faults`) are taken by the model operations the routes call.
 */
export function wechatApp(ctx: Context): RequestHandler {
  // One flat router (no nested routers): jscode2session, the hot path, is matched first.
  const router = Router();
  snsRoutes(router, ctx);
  tokenRoutes(router, ctx);
  phoneRoutes(router, ctx);
  sessionRoutes(router, ctx);
  chargeRoutes(router, ctx);
  securityRoutes(router, ctx);
  pluginRoutes(router, ctx);
  router.use(unimplementedRoutes(ctx, 'wechat', WECHAT_PREFIXES)); // 501 for known APIs
  router.all(
    WECHAT_PREFIXES.map((prefix) => `${prefix}{/*rest}`),
    wechatNotFound(ctx),
  );
  router.use(wechatErrors(ctx));
  return router;
}
