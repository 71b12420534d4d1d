/** What the listings and the bulk creations of more than one area share. */
import { DEFAULT_LIMIT, LIMITS } from '../values';
import type { ParameterSpec } from './operation';
import { arrayOf, int, object, ref, str, type JsonSchema } from './schema';

/** `?limit` of a listing; `what` says what it bounds. */
export const limitParam = (what: string): ParameterSpec => ({
  schema: int(...LIMITS.pageLimit),
  description: `${what} (default ${DEFAULT_LIMIT}).`,
});

/** `?limit` of a listing that is not paged. */
export const atMostParam = limitParam('At most this many');

/** `?cursor&limit` of a listing of users a page at a time. */
export const USER_PAGE_QUERY: Record<string, ParameterSpec> = {
  cursor: { schema: str(), description: 'The `nextCursor` of the previous page.' },
  limit: limitParam('Users a page'),
};

/** A page of users (component `user`) and the cursor of the next. */
export const userPage = (user: string): JsonSchema =>
  object({ users: arrayOf(ref(user)), nextCursor: ref('UserPageCursor') });

/**
 * What a bulk creation answers: its `scope` (pool or app), how many it created, the first and
 * last new `id`, and all of them (`<id>s`) when asked for with `returnIds`.
 */
export function bulkCreated(scope: string, id: string): JsonSchema {
  const Id = id.charAt(0).toUpperCase() + id.slice(1);
  return object(
    {
      [scope]: str(),
      created: int(1),
      [`first${Id}`]: str(),
      [`last${Id}`]: str(),
      [`${id}s`]: arrayOf(str(), 1),
    },
    [`${id}s`],
  );
}
