/** GenAuth v3 (`/api/v3/*`, plus the SDK's `/connections/social/wechat-miniprogram/bind`). */
import { Router } from 'express';

import type { Context } from '../../context';
import { unimplementedRoutes } from '../../unimplemented/routes';
import { accountRoutes } from './account';
import { v3Errors, v3NotFound } from './envelope';
import { messageRoutes } from './messages';
import { profileRoutes } from './profile';
import { signinRoutes } from './signin';
import { wechatRoutes } from './wechat';

/**
 * The v3 wire format on one flat router: its routes, a 404 envelope for any other path under
 * `/api/v3` (or method of the bind path), and its one error renderer (the v3 envelope with
 * HTTP 200, never a 500).
 */
export function v3Router(ctx: Context): Router {
  const router = Router();
  signinRoutes(router, ctx);
  profileRoutes(router, ctx);
  messageRoutes(router, ctx);
  accountRoutes(router, ctx);
  wechatRoutes(router, ctx);
  router.use(
    unimplementedRoutes(ctx, 'v3', ['/api/v3', '/connections/social/wechat-miniprogram/bind$']),
  );
  router.all(['/api/v3{/*rest}', '/connections/social/wechat-miniprogram/bind'], v3NotFound(ctx));
  router.use(v3Errors(ctx));
  return router;
}
