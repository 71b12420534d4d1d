import { Router } from 'express';

import type { Context } from '../context';
import { graphqlBodyErrors, graphqlRoute } from './graphql/route';
import { directoryRoutes } from './rest/directory';
import { restBodyErrors } from './rest/envelope';
import { meRoutes } from './rest/me';
import { publicRoutes } from './rest/public';
import { uploadRoutes } from './rest/upload';
import { wechatRoutes } from './rest/wechat';

/** GenAuth: `/api/v2`, `/graphql/v2`, `/connections`, `/oidc`. */
export function genauthApp(ctx: Context): Router {
  const router = Router();
  router.use(graphqlRoute(ctx));
  router.use(publicRoutes(ctx));
  router.use(meRoutes(ctx));
  router.use(directoryRoutes(ctx));
  router.use(uploadRoutes(ctx));
  router.use(wechatRoutes(ctx));
  router.use(graphqlBodyErrors());
  router.use(restBodyErrors);
  return router;
}
