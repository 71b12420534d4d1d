/** GenAuth v3 (`/api/v3/*`, plus the SDK's `/connections/social/wechat-miniprogram/bind`). */
import { Router, type Request } from 'express';

import type { Context } from '../../context';
import { operationFinder, underPrefix, unimplementedRoutes } from '../../unimplemented/routes';
import { V3_UNIMPLEMENTED } from '../../unimplemented/table';
import { accountRoutes } from './account';
import { v3Errors, v3NotFound } from './envelope';
import { messageRoutes } from './messages';
import { profileRoutes } from './profile';
import { signinRoutes } from './signin';
import { wechatRoutes } from './wechat';

/** The paths the v3 router owns: the v3 API and the SDK's WeChat binding (that path only). */
const V3_PREFIXES = ['/api/v3', '/connections/social/wechat-miniprogram/bind$'];

/** The v3 operations the mock answers 501 outside {@link V3_PREFIXES}. */
const unimplementedElsewhere = operationFinder(
  V3_UNIMPLEMENTED.filter((r) => !underPrefix(r.path, V3_PREFIXES)),
);

/**
 * Whether the v3 router may answer `req`: a path under {@link V3_PREFIXES} or a v3 operation it
 * answers 501 elsewhere. Its parent hands it no other request, so the GenAuth v2 hot paths
 * (`/connections/social/wechat-miniprogram/auth`, `/graphql/v2`) do not walk its routes.
 */
export const v3Answers = (req: Request): boolean =>
  underPrefix(req.path, V3_PREFIXES) || unimplementedElsewhere(req.method, req.path) !== undefined;

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
  router.use(unimplementedRoutes(ctx, 'v3', V3_PREFIXES));
  router.all(['/api/v3{/*rest}', '/connections/social/wechat-miniprogram/bind'], v3NotFound(ctx));
  router.use(v3Errors(ctx));
  return router;
}
