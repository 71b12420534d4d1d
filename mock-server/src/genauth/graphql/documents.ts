import { Kind, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';

import { schema } from './schema';

/** A parsed and validated document, or the errors that stopped it. */
export type PreparedDocument =
  | { ok: true; document: DocumentNode; rootFields: string[] }
  | {
      ok: false;
      errors: readonly GraphQLError[];
      stage: 'parse' | 'validate';
      rootFields: string[];
    };

const LIMIT = 256;
const cache = new Map<string, PreparedDocument>();

/** Response keys of the root selection of the (first) operation: they get `null` on errors. */
function rootFieldsOf(document: DocumentNode): string[] {
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return [];
  return op.selectionSet.selections.flatMap((s) =>
    s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : [],
  );
}

/**
 * Parses and validates `query` against the schema, memoised by the exact text (clients send
 * the same documents every time) in an LRU of {@link LIMIT} entries. The schema is immutable,
 * so a cached verdict never goes stale.
 */
export function prepare(query: string): PreparedDocument {
  const hit = cache.get(query);
  if (hit) {
    cache.delete(query);
    cache.set(query, hit);
    return hit;
  }
  let prepared: PreparedDocument;
  try {
    const document = parse(query);
    const errors = validate(schema, document);
    const rootFields = rootFieldsOf(document);
    prepared = errors.length
      ? { ok: false, errors, stage: 'validate', rootFields }
      : { ok: true, document, rootFields };
  } catch (e) {
    prepared = { ok: false, errors: [e as GraphQLError], stage: 'parse', rootFields: [] };
  }
  cache.set(query, prepared);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return prepared;
}
