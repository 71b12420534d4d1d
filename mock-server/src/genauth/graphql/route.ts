import { execute } from 'graphql';
import { Router, json, type ErrorRequestHandler, type Request } from 'express';

import type { Context } from '../../context';
import { resolveTenant, type Tenant } from '../model/tenancy';
import type { GraphqlContext } from './context';
import { prepare } from './documents';
import { formatError, nullData } from './format';
import { accountResolvers } from './resolvers/accounts';
import { profileResolvers } from './resolvers/profile';
import { schema } from './schema';
import { MESSAGES } from '../errors';

const rootValue = { ...accountResolvers, ...profileResolvers };

/** The client IP the mock records as `lastIP`. */
export const clientIp = (req: Request): string | null => req.ip ?? null;

function badRequest(code: 2510 | 2512 | 2511, reason: string) {
  return {
    errors: [
      {
        message: { code, message: MESSAGES[code], data: { reason } },
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ],
    data: null,
  };
}

/**
 * `POST /graphql/v2`: real graphql-js execution of the GenAuth schema. Always HTTP 200; errors
 * carry `{code, message, data}` objects as `message` and every root field is `null`.
 */
export function graphqlRoute(ctx: Context): Router {
  const router = Router();
  router.post(
    '/graphql/v2',
    json({ limit: ctx.options.bodyLimit, type: () => true }),
    async (req, res) => {
      const body = req.body as
        { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
      if (!body || typeof body !== 'object' || typeof body.query !== 'string') {
        res.json(badRequest(2510, 'body must be {"query": string, "variables"?: object}'));
        return;
      }
      const variables = body.variables ?? {};
      if (typeof variables !== 'object' || Array.isArray(variables)) {
        res.json(badRequest(2510, '"variables" must be an object'));
        return;
      }
      const prepared = prepare(body.query);
      if (!prepared.ok) {
        res.json({
          errors: prepared.errors.map((e) => formatError(e, prepared.stage, ctx.options.log)),
          data: nullData(prepared.rootFields),
        });
        return;
      }
      let tenant: Tenant | undefined;
      const contextValue: GraphqlContext = {
        ctx,
        ip: clientIp(req),
        headers: req.headers,
        tenant: () => (tenant ??= resolveTenant(ctx, req.headers)),
      };
      const result = await execute({
        schema,
        document: prepared.document,
        rootValue,
        contextValue,
        variableValues: variables as Record<string, unknown>,
        operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      });
      if (!result.errors?.length) {
        res.json({ data: result.data });
        return;
      }
      const stage = result.data === undefined ? 'variables' : 'execute';
      res.json({
        errors: result.errors.map((e) => formatError(e, stage, ctx.options.log)),
        data: result.data ?? nullData(prepared.rootFields),
      });
    },
  );
  return router;
}

/** Renders JSON body errors (malformed, oversized) on `/graphql/v2` in the GraphQL shape. */
export function graphqlBodyErrors(): ErrorRequestHandler {
  return (err: { type?: string; status?: number }, req, res, next) => {
    if (req.path !== '/graphql/v2') {
      next(err);
      return;
    }
    const tooLarge = err.type === 'entity.too.large';
    res
      .status(200)
      .json(
        badRequest(
          tooLarge ? 2511 : 2512,
          tooLarge ? 'request body too large' : 'malformed JSON body',
        ),
      );
  };
}
