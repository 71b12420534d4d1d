import { Router } from 'express';

import type { Context } from '../context';
import { graphqlBodyErrors, graphqlRoute } from './graphql/route';
import { directoryRoutes } from './rest/directory';
import { restBodyErrors } from './rest/envelope';
import { meRoutes } from './rest/me';
import { publicRoutes } from './rest/public';
import { uploadRoutes } from './rest/upload';
import { wechatRoutes } from './rest/wechat';

/**
 * GenAuth: `/api/v2`, `/graphql/v2`, `/connections`, `/oidc`. Every family registers its routes
 * on one flat router (no nested routers to walk on the hot path).
 */
export function genauthApp(ctx: Context): Router {
  const router = Router();
  wechatRoutes(router, ctx);
  graphqlRoute(router, ctx);
  publicRoutes(router, ctx);
  meRoutes(router, ctx);
  directoryRoutes(router, ctx);
  uploadRoutes(router, ctx);
  router.use(graphqlBodyErrors(ctx.options.log));
  router.use(restBodyErrors(ctx.options.log));
  return router;
}
