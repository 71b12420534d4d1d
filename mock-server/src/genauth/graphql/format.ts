import type { GraphQLError } from 'graphql';

import { GenauthError, MESSAGES } from '../errors';

/** One error as the GenAuth server renders it: `message` is an object, not a string. */
export interface WireGraphqlError {
  message: { code: number; message: string; data: unknown };
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: { code: string };
}

/** Why graphql-js stopped, for requests that failed before or outside the resolvers. */
export type Stage = 'parse' | 'validate' | 'variables' | 'execute';

const EXTENSION: Record<Stage, string> = {
  parse: 'GRAPHQL_PARSE_FAILED',
  validate: 'GRAPHQL_VALIDATION_FAILED',
  variables: 'BAD_USER_INPUT',
  execute: 'INTERNAL_SERVER_ERROR',
};

/**
 * Turns a graphql-js error into the wire shape: business errors keep their code, message and
 * data; graphql-js errors become 2512 (syntax) or 2510 (validation, variables) with the reason
 * in `data.reason`; anything unexpected becomes 1000 and is logged.
 */
export function formatError(
  error: GraphQLError,
  stage: Stage,
  log: (line: string) => void,
): WireGraphqlError {
  const original = error.originalError;
  let message: WireGraphqlError['message'];
  if (original instanceof GenauthError) {
    message = original.toJSON();
  } else if (stage === 'execute' && original) {
    log(`[genauth] graphql resolver failed: ${String(original.stack ?? original)}`);
    message = { code: 1000, message: MESSAGES[1000], data: null };
  } else {
    const code = stage === 'parse' ? 2512 : 2510;
    message = { code, message: MESSAGES[code], data: { reason: error.message } };
  }
  const out: WireGraphqlError = { message, extensions: { code: EXTENSION[stage] } };
  if (error.locations) out.locations = error.locations;
  if (error.path) out.path = error.path;
  return out;
}

/** `{root: null, …}` for every root response key (or `null` when the document did not parse). */
export function nullData(rootFields: string[]): Record<string, null> | null {
  return rootFields.length ? Object.fromEntries(rootFields.map((f) => [f, null])) : null;
}
