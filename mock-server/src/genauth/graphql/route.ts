import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';

import type { Context } from '../../context';
import { asBodyError, readJson } from '../../http/body';
import { lazyModule } from '../../lazy-module';
import { genauthErrorBody } from '../error-body';
import { GenauthError, MESSAGES } from '../errors';
import type { Tenant } from '../model/tenancy';
import { clientIp, resolveTenant } from '../request';
import type { GraphqlContext } from './context';
import type * as Engine from './engine';
import type * as Unimplemented from '../../unimplemented/graphql';
import { recordUnknown } from '../../unimplemented/strict';

/** graphql-js and the schema load on the first GraphQL request, keeping cold start short. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadEngine = lazyModule(() => require('./engine') as typeof Engine);
const loadUnimplemented = lazyModule(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('../../unimplemented/graphql') as typeof Unimplemented,
);

/** `extensions.code` of a request that failed outside graphql-js. */
function extensionOf(err: unknown): string {
  if (err instanceof GenauthError || asBodyError(err)) return 'BAD_USER_INPUT';
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * The GraphQL router's one error renderer, mounted once at its end: any error of its route (a
 * body that could not be read: 2511 too large, 2512 otherwise; anything else, logged, 1000) as
 * `{errors: [{message: {code, message, data}, extensions}], data: null}` with HTTP 200, the shape
 * of the errors graphql-js execution gives.
 */
export function graphqlErrors(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const message = genauthErrorBody(err, log, `graphql ${req.method} ${req.path}`);
    res
      .status(200)
      .json({ errors: [{ message, extensions: { code: extensionOf(err) } }], data: null });
  };
}

/**
 * Any other method or path under `/graphql`: HTTP 404 in the GraphQL error shape
 * (`message.code` 404, `extensions.code` `NOT_FOUND`).
 */
export const graphqlNotFound: RequestHandler = (req, res) => {
  const message = {
    code: 404,
    message: MESSAGES[404],
    data: { method: req.method, path: req.path },
  };
  res.status(404).json({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }], data: null });
};

/**
 * `POST /graphql/v2`: real graphql-js execution of the GenAuth schema. Always HTTP 200; errors
 * carry `{code, message, data}` objects as `message` and every root field is `null`. The router
 * owns `/graphql` and renders every error of it in that shape.
 */
export function graphqlRouter(ctx: Context): Router {
  const router = Router();
  router.post('/graphql/v2', readJson(ctx.options.bodyLimit), async (req, res) => {
    let tenant: Tenant | undefined;
    const contextValue: GraphqlContext = {
      ctx,
      ip: clientIp(req),
      headers: req.headers,
      tenant: () => (tenant ??= resolveTenant(ctx, req.headers)),
    };
    const { run } = loadEngine();
    const result = await run(ctx, req.body, contextValue);
    // A known operation the mock lacks answers 501 instead of a validation error.
    res.json(loadUnimplemented().checkGraphqlResult(ctx, req.body, result));
  });
  router.all('/graphql{/*rest}', (req, _res, next) => {
    recordUnknown(ctx, 'graphql', req.method, req.path);
    next();
  });
  router.all('/graphql{/*rest}', graphqlNotFound);
  router.use(graphqlErrors(ctx.options.log));
  return router;
}
