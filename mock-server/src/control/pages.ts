import type { PageQuery } from './types';

/**
 * `?cursor&limit` of a listing as a {@link PageQuery}: a `limit` of digits becomes a number;
 * anything else is passed on for the API to refuse, naming the field.
 */
export function pageQuery(query: Record<string, unknown>): PageQuery {
  const { cursor, limit } = query;
  return {
    ...(cursor === undefined ? {} : { cursor: cursor as string }),
    ...(limit === undefined
      ? {}
      : {
          limit: (typeof limit === 'string' && /^\d{1,7}$/.test(limit)
            ? Number(limit)
            : limit) as number,
        }),
  };
}
