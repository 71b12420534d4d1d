import type { GenauthAppFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../../context';
import { fail } from '../errors';
import { claimedPoolId } from './tokens';
import type { PoolState } from './types';

/** Who is calling: the pool, the app (when named) and the raw bearer token. */
export interface Tenant {
  pool: PoolState;
  app: GenauthAppFixture | null;
  bearer: string | null;
}

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | null => {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  const value = typeof s === 'string' ? s.trim() : '';
  // An unset SDK option may arrive as "" or as the text "undefined" / "null": all mean absent.
  return value === '' || value === 'undefined' || value === 'null' ? null : value;
};

/** The token of `Authorization: Bearer <jwt>` (or a bare token), or null. */
export function bearerOf(headers: Headers): string | null {
  const auth = header(headers, 'authorization');
  if (!auth) return null;
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  const token = (m ? m[1] : auth)?.trim();
  return token && token !== 'null' && token !== 'undefined' ? token : null;
}

/**
 * Resolves the pool from `x-authing-userpool-id`, else `x-authing-app-id` (the only header the
 * wxapp GraphQL client sends), else the pool the bearer token claims. No way to tell the pool, an
 * unknown pool or app, or an app of another pool → 2224.
 */
export function resolveTenant(ctx: Context, headers: Headers): Tenant {
  const state = ctx.store.genauth;
  const bearer = bearerOf(headers);
  const poolId = header(headers, 'x-authing-userpool-id');
  const appId = header(headers, 'x-authing-app-id');
  let pool: PoolState | undefined;
  if (poolId !== null) {
    pool = state.pools.get(poolId);
    if (!pool) throw fail(2224, { userPoolId: poolId });
  }
  let app: GenauthAppFixture | null = null;
  if (appId !== null) {
    const owner = state.appPools.get(appId);
    const ownerPool = owner === undefined ? undefined : state.pools.get(owner);
    if (!ownerPool) throw fail(2224, { appId }, '应用不存在');
    if (pool && pool !== ownerPool)
      throw fail(2224, { appId, userPoolId: poolId }, '应用不属于此用户池');
    pool = ownerPool;
    app = ownerPool.apps.get(appId) ?? null;
  }
  if (!pool && bearer) {
    const claimed = claimedPoolId(bearer);
    if (claimed) pool = state.pools.get(claimed);
  }
  if (!pool) {
    throw fail(
      2224,
      null,
      '请提供用户池或应用（x-authing-userpool-id 或 x-authing-app-id 请求头）',
    );
  }
  return { pool, app, bearer };
}

/** True when the request names a pool or an app (so an unknown one must be refused). */
export function namesTenant(headers: Headers): boolean {
  return (
    header(headers, 'x-authing-userpool-id') !== null ||
    header(headers, 'x-authing-app-id') !== null
  );
}
