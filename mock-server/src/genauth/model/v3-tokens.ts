/** The token data of GenAuth v3 login answers (`LoginTokenResponseDataDto`, as the SDKs read it). */
import type { Context } from '../../context';
import { fail } from '../errors';
import { issueTokenSet, type OidcTokenResponse } from './oidc-tokens';
import type { Tenant } from './tenancy';
import type { UserRecord } from './types';

/** What a v3 login answers in `data`: the OIDC token set plus the DTO's spelling `expire_in`. */
export type LoginTokenData = OidcTokenResponse & { expire_in: number };

/**
 * The token set of a v3 login at the calling app (none named → 2224 `应用不存在`): the
 * provider's token set (`issueTokenSet`), so the access token is the pool's user token that v2
 * accepts too, the id_token carries the claims of `scope`, and the refresh token comes only with
 * `offline_access` and refreshes at `/oidc/token`.
 */
export async function loginTokenData(
  ctx: Context,
  t: Tenant,
  user: UserRecord,
  scope: string | null,
): Promise<LoginTokenData> {
  if (!t.app) throw fail(2224, { appId: null }, '应用不存在：请求头 x-authing-app-id 缺失');
  const set = await issueTokenSet(ctx, {
    poolId: t.pool.pool.id,
    appId: t.app.id,
    userId: user.id,
    scope,
  });
  return { ...set, expire_in: set.expires_in };
}
