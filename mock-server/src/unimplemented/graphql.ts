/**
 * GraphQL: a document that failed validation because its root field (or its operation, see
 * `GRAPHQL_UNIMPLEMENTED_DOCUMENTS`) is a known operation of the real schema the mock lacks
 * answers a 501 error naming it instead. Checked only once validation failed, so the SDL stays
 * honest and served documents pay nothing.
 */
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';

import type { Context } from '../context';
import { schema } from '../genauth/graphql/schema';
import { notImplementedMessage } from './routes';
import { logUnimplemented, recordUnknown } from './strict';
import { GRAPHQL_UNIMPLEMENTED, GRAPHQL_UNIMPLEMENTED_DOCUMENTS } from './table';

/** The 501 body of an unimplemented GraphQL operation (HTTP 200, as every GraphQL error). */
export function graphqlNotImplemented(operation: string): object {
  return {
    errors: [
      {
        message: { code: 501, message: notImplementedMessage(operation), data: null },
        extensions: { code: 'NOT_IMPLEMENTED' },
      },
    ],
    data: null,
  };
}

const has = (table: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(table, key);

/** The operation of `document` that runs: the one named `operationName`, else the first. */
function operationOf(document: DocumentNode, name: unknown): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return typeof name === 'string' ? ops.find((op) => op.name?.value === name) : ops[0];
}

/** The unimplemented operation a document asks for, if it asks for one. */
export function unimplementedOperation(query: string, operationName?: unknown): string | undefined {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return undefined;
  }
  const op = operationOf(document, operationName);
  if (!op) return undefined;
  for (const s of op.selectionSet.selections) {
    if (s.kind === Kind.FIELD && has(GRAPHQL_UNIMPLEMENTED, s.name.value))
      return GRAPHQL_UNIMPLEMENTED[s.name.value];
  }
  const name = op.name?.value;
  return name !== undefined && has(GRAPHQL_UNIMPLEMENTED_DOCUMENTS, name)
    ? GRAPHQL_UNIMPLEMENTED_DOCUMENTS[name]
    : undefined;
}

/** Whether a root field of the document's operation is one the schema does not have. */
function asksUnknownField(query: string, operationName?: unknown): boolean {
  let op: OperationDefinitionNode | undefined;
  try {
    op = operationOf(parse(query), operationName);
  } catch {
    return false;
  }
  if (!op) return false;
  const root =
    op.operation === 'mutation'
      ? schema.getMutationType()
      : op.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const fields = root?.getFields() ?? {};
  return op.selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && !s.name.value.startsWith('__') && !has(fields, s.name.value),
  );
}

/** Whether `result` is the answer to a document that failed validation. */
function failedValidation(result: object): boolean {
  const errors = (result as { errors?: { extensions?: { code?: unknown } }[] }).errors;
  return (
    Array.isArray(errors) && errors.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')
  );
}

/**
 * The answer to a GraphQL request, given the engine's `result`: the 501 body when the document
 * failed validation for asking an unimplemented operation (logged once per operation), else
 * `result` (a root field the schema does not know counted and logged under `strict`).
 */
export function checkGraphqlResult(ctx: Context, body: unknown, result: object): object {
  if (!failedValidation(result)) return result;
  const b = body as { query?: unknown; operationName?: unknown };
  const operation =
    typeof b.query === 'string' ? unimplementedOperation(b.query, b.operationName) : undefined;
  if (operation === undefined) {
    if (
      ctx.options.strict &&
      typeof b.query === 'string' &&
      asksUnknownField(b.query, b.operationName)
    )
      recordUnknown(ctx, 'graphql', 'POST', '/graphql/v2');
    return result;
  }
  logUnimplemented(ctx, 'graphql', operation, { method: 'POST', path: '/graphql/v2' });
  return graphqlNotImplemented(operation);
}
