import { Router } from 'express';

import type { Context } from '../context';
import { lazyRouter } from '../lazy-router';
import { unknownRouteCounts } from '../unimplemented/strict';
import { coreControl } from './core';
import { controlErrors, controlNotFound } from './errors';
import type * as Features from './features';
import { controlJson } from './fields';
import type * as OpenApi from './openapi';
import { CONTROL_ROUTES } from './routes';
import type { ControlApi } from './types';

/**
 * The `/__mock/v1` control surface (JSON, usable with curl): thin HTTP adapters over `api` for
 * the simulated WeChat client, the clock, state and reset, WeChat faults, the request journal
 * (listed, or followed as server-sent events), the GenAuth users and message outbox, and the
 * listings the console shows. `GET /` lists the routes (and, under `strict`, counts the
 * requests no route knew). Any other method or path is a 404 `not_found`, and every error of its
 * routes is rendered once, at its end, as `{error, message}`.
 */
export function controlApp(ctx: Context, api: ControlApi): Router {
  const router = Router();
  const json = controlJson(ctx);
  // No route takes OPTIONS (the guard refuses cross-site pages): a wrong method like any other.
  router.options('/{*path}', controlNotFound);
  router.get('/', (_req, res) => {
    // Under `strict`, also the count of requests no route knew (see src/unimplemented).
    const strict = ctx.options.strict ? { unknownRoutes: unknownRouteCounts(ctx) } : {};
    res.json({ routes: CONTROL_ROUTES, ...strict });
  });
  router.get('/openapi.json', (_req, res) => {
    // Built on the first request, off the start-up path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { openApiJson } = require('./openapi') as typeof OpenApi;
    res.type('application/json; charset=utf-8').send(openApiJson());
  });
  router.use(coreControl(api, json));
  // The other controls (and their modules) are built on the first request the core ones leave,
  // off the mock's start-up path (its first answer is usually `GET /clock`).
  router.use(
    lazyRouter(() =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./features') as typeof Features).featureControls(ctx, api, json),
    ),
  );
  router.use(controlNotFound);
  router.use(controlErrors);
  return router;
}
