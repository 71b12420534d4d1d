import type { Context } from '../../context';
import { fail } from '../errors';
import type { Tenant } from './tenancy';
import { checkToken, issueToken } from './tokens';
import type { UserRecord } from './types';
import { recordLogin, userView, type UserToken } from './users';

/** The signed-in caller of an authenticated operation. */
export interface Caller {
  user: UserRecord;
  token: UserToken;
}

/**
 * The caller of an operation that needs a login: the bearer must be a valid, unexpired,
 * unrevoked token of this pool. Missing → 2020, expired/revoked → 2206, otherwise bad → 2207.
 */
export async function requireCaller(
  ctx: Context,
  tenant: Tenant,
  token = tenant.bearer,
): Promise<Caller> {
  const check = await checkToken(ctx, tenant.pool, token);
  if (!check.ok) throw fail(check.code);
  const user = tenant.pool.users.get(check.userId);
  if (!user) throw fail(2207);
  return { user, token: { token: check.token, exp: check.exp } };
}

/** Refuses to act on another user's id (`id` absent = the caller). */
export function assertSelf(caller: Caller, id: unknown): void {
  if (id !== undefined && id !== null && id !== '' && id !== caller.user.id) throw fail(2018);
}

/**
 * Signs `user` in: refuses blocked users (2005), counts the login, mints a token for the calling
 * app and returns the User view carrying it.
 */
export async function signIn(
  ctx: Context,
  tenant: Tenant,
  user: UserRecord,
  ip: string | null,
  newlyCreated = false,
): Promise<Record<string, unknown>> {
  if (user.blocked) throw fail(2005);
  const issued = await issueToken(ctx, tenant.pool, tenant.app, user);
  recordLogin(ctx, user, ip);
  return userView(tenant.pool, user, issued, newlyCreated);
}
