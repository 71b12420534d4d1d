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

/** What a call names about its tenant (each `null` when it names none). */
export interface TenantClaims {
  /** The user pool id the call names. */
  poolId: string | null;
  /** The GenAuth app id the call names. */
  appId: string | null;
  /** The bearer token it carries. */
  bearer: string | null;
}

/**
 * Finds the tenant a call names: the pool `poolId`, else the pool of `appId`, else the pool the
 * bearer token claims. No way to tell the pool, an unknown pool or app, or an app of another
 * pool → 2224.
 * @throws {GenauthError} 2224
 */
export function findTenant(ctx: Context, { poolId, appId, bearer }: TenantClaims): Tenant {
  const state = ctx.store.genauth;
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
