import { Router } from 'express';

import type { Context } from '../context';
import { wechatErrors } from './render';
import { phoneRoutes } from './routes/phone';
import { sessionRoutes } from './routes/session';
import { snsRoutes } from './routes/sns';
import { tokenRoutes } from './routes/token';

/**
 * api.weixin.qq.com: `/sns/jscode2session`, `/cgi-bin/token`, `/cgi-bin/stable_token`,
 * `/wxa/business/getuserphonenumber`, `/wxa/checksession`, `/wxa/resetusersessionkey`.
 * Every error is HTTP 200 `{errcode, errmsg: "…, rid: …"}`.
 */
export function wechatApp(ctx: Context): Router {
  const router = Router();
  router.use(snsRoutes(ctx));
  router.use(tokenRoutes(ctx));
  router.use(phoneRoutes(ctx));
  router.use(sessionRoutes(ctx));
  router.use(wechatErrors(ctx));
  return router;
}
