import { json, type ErrorRequestHandler, type Request, type Router } from 'express';

import type { Context } from '../../context';
import { MESSAGES } from '../errors';
import { resolveTenant, type Tenant } from '../model/tenancy';
import { bodyErrorCode } from '../rest/envelope';
import type { GraphqlContext } from './context';
import type * as Engine from './engine';

/** The client IP the mock records as `lastIP` (the peer address: the mock trusts no proxy). */
export const clientIp = (req: Request): string | null => req.socket.remoteAddress ?? null;

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

/** Body-parser failures (and any stray error) on `/graphql/v2`, in the GraphQL error shape. */
export function graphqlBodyErrors(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (req.path !== '/graphql/v2' || res.headersSent) {
      next(err);
      return;
    }
    const code = bodyErrorCode(err);
    if (code === 1000)
      log(`[genauth] graphql request failed: ${String((err as Error)?.stack ?? err)}`);
    const reason = {
      1000: 'internal error',
      2511: 'request body too large',
      2512: 'malformed JSON body',
    }[code];
    res.status(200).json({
      errors: [
        {
          message: { code, message: MESSAGES[code], data: { reason } },
          extensions: { code: code === 1000 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT' },
        },
      ],
      data: null,
    });
  };
}
