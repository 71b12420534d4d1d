import { numberParam, stringParam } from './query-values';
import type { PageQuery } from './types';

/**
 * `?cursor&limit` of a listing as a {@link PageQuery}: a `limit` of digits becomes a number;
 * anything else is passed on for the API to refuse, naming the field.
 */
export function pageQuery(query: Record<string, unknown>): PageQuery {
  const cursor = stringParam(query, 'cursor');
  const limit = numberParam(query, 'limit');
  return {
    ...(cursor === undefined ? {} : { cursor }),
    ...(limit === undefined ? {} : { limit }),
  };
}
