import { Router } from 'express';

import type { Context } from '../context';
import { gate } from '../lazy-router';
import { unimplementedRoutes } from '../unimplemented/routes';
import { casRouter } from './cas/app';
import { graphqlRouter } from './graphql/route';
import { oidcRouter } from './oidc/app';
import { directoryRoutes } from './rest/directory';
import { restErrors, restNotFound } from './rest/envelope';
import { meRoutes } from './rest/me';
import { publicRoutes } from './rest/public';
import { uploadRoutes } from './rest/upload';
import { wechatRoutes } from './rest/wechat';
import { v3Answers, v3Router } from './v3/router';

/** The path prefixes of GenAuth's REST wire format. */
export const REST_PREFIXES = ['/api/v2', '/connections', '/oidc'] as const;

/**
 * GenAuth REST (`/api/v2`, `/connections`, `/oidc`): every family registers its routes on one
 * flat router (no nested routers to walk on the hot path), which answers any other path under its
 * prefixes with a 404 envelope and renders every error of its routes with its one renderer.
 */
export function restRouter(ctx: Context): Router {
  const router = Router();
  wechatRoutes(router, ctx);
  publicRoutes(router, ctx);
  meRoutes(router, ctx);
  directoryRoutes(router, ctx);
  uploadRoutes(router, ctx);
  router.use(unimplementedRoutes(ctx, 'rest', REST_PREFIXES)); // 501 for known operations
  router.all(
    REST_PREFIXES.map((prefix) => `${prefix}{/*rest}`),
    restNotFound,
  );
  router.use(restErrors(ctx.options.log));
  return router;
}

/**
 * GenAuth: its wire formats side by side, each its own router with its own error renderer:
 * v3 (`/api/v3`), REST ({@link restRouter}) and GraphQL (`/graphql`).
 */
export function genauthApp(ctx: Context): Router {
  const router = Router();
  router.use(gate(v3Answers, v3Router(ctx))); // v3 first: it serves one path under /connections too
  router.use('/oidc', oidcRouter(ctx)); // the OIDC provider, with its own error renderer
  router.use('/cas-idp', casRouter(ctx)); // CAS 1.0, text answers
  router.use(restRouter(ctx));
  router.use(graphqlRouter(ctx));
  router.use(unimplementedRoutes(ctx, 'fallback', 'any')); // paths outside every prefix
  return router;
}
