import { json, type ErrorRequestHandler, type Request, type Router } from 'express';

import type { Context } from '../../context';
import { MESSAGES } from '../errors';
import { resolveTenant, type Tenant } from '../model/tenancy';
import type { GraphqlContext } from './context';
import type * as Engine from './engine';

/** The client IP the mock records as `lastIP`. */
export const clientIp = (req: Request): string | null => req.ip ?? null;

let engine: typeof Engine | undefined;
/** graphql-js and the schema load on the first GraphQL request, keeping cold start short. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadEngine = (): typeof Engine => (engine ??= require('./engine') as typeof Engine);

/**
 * `POST /graphql/v2`: real graphql-js execution of the GenAuth schema. Always HTTP 200; errors
 * carry `{code, message, data}` objects as `message` and every root field is `null`.
 */
export function graphqlRoute(router: Router, ctx: Context): void {
  router.post(
    '/graphql/v2',
    json({ limit: ctx.options.bodyLimit, type: () => true }),
    async (req, res) => {
      let tenant: Tenant | undefined;
      const contextValue: GraphqlContext = {
        ctx,
        ip: clientIp(req),
        headers: req.headers,
        tenant: () => (tenant ??= resolveTenant(ctx, req.headers)),
      };
      const { run } = loadEngine();
      res.json(await run(ctx, req.body, contextValue));
    },
  );
}

/** Renders JSON body errors (malformed, oversized) on `/graphql/v2` in the GraphQL shape. */
export function graphqlBodyErrors(): ErrorRequestHandler {
  return (err: { type?: string }, req, res, next) => {
    if (req.path !== '/graphql/v2' || res.headersSent) {
      next(err);
      return;
    }
    const code = err.type === 'entity.too.large' ? 2511 : 2512;
    const reason = code === 2511 ? 'request body too large' : 'malformed JSON body';
    res.status(200).json({
      errors: [
        {
          message: { code, message: MESSAGES[code], data: { reason } },
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
      data: null,
    });
  };
}
