import { execute } from 'graphql';

import type { Context } from '../../context';
import { MESSAGES } from '../errors';
import type { GraphqlContext } from './context';
import { prepare } from './documents';
import { withFaults } from './faults';
import { formatError, nullData } from './format';
import { accountResolvers } from './resolvers/accounts';
import { profileResolvers } from './resolvers/profile';
import { schema } from './schema';

const rootValue = withFaults({ ...accountResolvers, ...profileResolvers });

/** A request-level failure (no document to run) in the GraphQL error shape. */
export function badRequest(code: 2510 | 2511 | 2512, reason: string) {
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
 * Runs one request body against the schema: validates its shape, prepares the (cached)
 * document, executes it and renders errors as GenAuth objects with `null` roots.
 */
export async function run(
  ctx: Context,
  body: unknown,
  contextValue: GraphqlContext,
): Promise<object> {
  const b = body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (!b || typeof b !== 'object' || typeof b.query !== 'string') {
    return badRequest(2510, 'body must be {"query": string, "variables"?: object}');
  }
  const variables = b.variables ?? {};
  if (typeof variables !== 'object' || Array.isArray(variables))
    return badRequest(2510, '"variables" must be an object');
  const prepared = prepare(b.query);
  if (!prepared.ok) {
    return {
      errors: prepared.errors.map((e) => formatError(e, prepared.stage, ctx.options.log)),
      data: nullData(prepared.rootFields),
    };
  }
  const result = await execute({
    schema,
    document: prepared.document,
    rootValue,
    contextValue,
    variableValues: variables as Record<string, unknown>,
    operationName: typeof b.operationName === 'string' ? b.operationName : undefined,
  });
  if (!result.errors?.length) return { data: result.data };
  const stage = result.data === undefined ? 'variables' : 'execute';
  return {
    errors: result.errors.map((e) => formatError(e, stage, ctx.options.log)),
    data: result.data ?? nullData(prepared.rootFields),
  };
}
