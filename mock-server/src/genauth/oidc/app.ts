import { Router, type RequestHandler } from 'express';

import type { Context } from '../../context';
import { MESSAGES } from '../errors';
import { authorizeRoutes } from './authorize';
import { discoveryRoutes } from './discovery';
import { oidcErrors, sendJson } from './errors';
import { revocationRoutes } from './revocation';
import { sessionEndRoutes } from './session-end';
import { tokenRoutes } from './token';
import { userinfoRoutes } from './userinfo';

/** Any other path under `/oidc`: 404 in the GenAuth REST envelope, as before the provider. */
const notFound: RequestHandler = (req, res) => {
  const path = new URL(req.originalUrl, 'http://mock').pathname;
  sendJson(res, { code: 404, message: MESSAGES[404], data: { method: req.method, path } }, 404);
};

/**
 * The OIDC provider, mounted at `/oidc`: discovery and JWKS, authorization, token (with
 * revocation and introspection), userinfo and end-session, with its own error renderer
 * (`{error, error_description}` and RFC status codes).
 */
export function oidcRouter(ctx: Context): Router {
  const router = Router();
  discoveryRoutes(router, ctx);
  authorizeRoutes(router, ctx);
  revocationRoutes(router, ctx);
  tokenRoutes(router, ctx);
  userinfoRoutes(router, ctx);
  sessionEndRoutes(router, ctx);
  router.use(notFound);
  router.use(oidcErrors(ctx.options.log));
  return router;
}
